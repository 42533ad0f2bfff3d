"""
Numerical derivatives of a black-box cost: error model, kinks, directions.

Error model. A central difference (f(x+h) - f(x-h)) / 2h has truncation
error h^2 |f3| / 6 (f3 the third derivative) and noise error about
noise / h, where noise is the round-off of one evaluation of the cost.
Balancing the two gives h ~ cbrt(3 noise / |f3|): with noise of a few ulps
of f that is cbrt(eps) ~ 6e-6 relative and an error of order eps^(2/3)
(~4e-11 relative), four orders of magnitude below a fixed h = 1e-7 (noise
error eps/1e-7 ~ 2e-9). The noise is measured, not assumed (estimate_noise):
a cost like log(1 - AL) with AL = 1 - 1e-7 is 1e5 times noisier than a few
ulps, and the step grows with the cube root of it (make_scale). Steps are
relative to the entry, max(1, |x|), and the step actually applied is
recomputed as fl(x + h) - x so that representation error does not enter.

Kinks. ReLU makes the cost piecewise smooth. A central difference whose
stencil straddles a kink mixes two slopes and can disagree with a correct
backprop by a lot. Every entry that disagrees is therefore re-examined with
two more evaluations at +-h/2 (see judge): Richardson extrapolation, and the
two second-order one-sided derivatives. A correct gradient equals the slope
of the smooth piece it sits on, i.e. one of the one-sided derivatives; if
neither matches and the five values are not those of a smooth function,
the entry is inconclusive, never a failure.
"""

import math
from dataclasses import dataclass

import numpy as np

EPS = np.finfo(np.float64).eps
STEP = EPS ** (1.0 / 3.0)
MAX_STEP = 1e-3
# Least noise assumed for one cost evaluation, in units of eps*|f|: a cost
# sums many rounded terms, so a few ulps at the very least.
MIN_NOISE_ULPS = 8.0
# Noise estimates from a few samples can be low by a factor 2-3.
NOISE_SAFETY = 4.0
# Tolerance floor, in units of (noise / step): covers the noise of every
# estimate judge() forms (the one-sided ones amplify it about 5x).
FLOOR_SIGMAS = 8.0

OK, FAIL, INCONCLUSIVE, SUSPECT = 0, 1, 2, 3


class CostError(Exception):
    """The cost function returned something that is not a finite float."""


class CostCounter:
    """
    Evaluates the cost at the private parameters and counts evaluations.

    Inputs (constructor):
    - cost: the user's callable, params dict -> float
    - params: dict name -> float64 array, perturbed in place by the checks
    """

    def __init__(self, cost, params):
        self.cost = cost
        self.params = params
        self.count = 0

    def __call__(self):
        value = self.cost(self.params)
        self.count += 1
        if type(value) is float and math.isfinite(value):
            return value
        return to_float(value)


def to_float(value):
    """
    The cost value as a Python float, or CostError with a clear sentence.

    Inputs:
    - value: whatever the cost returned

    Returns:
    - float
    """
    try:
        arr = np.asarray(value)
    except Exception as exc:  # pragma: no cover - exotic return types
        raise CostError(f"The cost returned {type(value).__name__}, not a number.") from exc
    if arr.size != 1 or arr.dtype.kind not in "fiu":
        raise CostError(f"The cost must return one real number, but it returned {type(value).__name__} "
                        f"of shape {arr.shape} and dtype {arr.dtype}.")
    if arr.dtype.kind == "f" and arr.dtype.itemsize < 8:
        raise CostError(f"The cost returns {arr.dtype}; it must be computed in float64, "
                        f"or the numerical gradient is mostly round-off.")
    out = float(arr.reshape(()))
    if not np.isfinite(out):
        raise CostError(f"The cost is {out} at the parameters given (log of 0 from a saturated sigmoid?).")
    return out


@dataclass
class Scale:
    """
    Noise of the cost and the step size that follows from it.

    Attributes:
    - noise: float, absolute noise of one cost evaluation (with safety margin)
    - step: float, relative step: an entry x moves by step * max(1, |x|)
    - least_noise: float, the noise of a cost with a few ulps of round-off
    """
    noise: float
    step: float
    least_noise: float = 0.0

    def floor(self, h):
        """Absolute tolerance on a derivative estimated with step h (scalar or array)."""
        return FLOOR_SIGMAS * self.noise / h


def estimate_noise(f, params, f0, rng, points=13, spacing=5e-10):
    """
    The noise of the cost from its values at a few very close points.

    After ECnoise (More & Wild, SIAM J. Sci. Comput. 2011): along a random
    direction with a spacing of ~5e-10 relative, the third differences of a
    smooth function vanish and what is left is round-off; for independent
    noise of standard deviation sigma, Delta^3 f has standard deviation
    sqrt(20) * sigma. A ReLU kink crossed between the points spoils only the
    three differences around it, so the median of |Delta^3 f| (not the mean
    square of ECnoise) is used: a kink must not pass for noise, or the steps
    grow and the kinks multiply.

    Inputs:
    - f: CostCounter
    - params: dict name -> float64 array (perturbed in place and restored)
    - f0: float, cost at the unperturbed point
    - rng: np.random.Generator
    - points: number of points (points - 1 evaluations)
    - spacing: float, relative spacing per entry

    Returns:
    - sigma: float, estimated standard deviation of one evaluation
    """
    saved = {name: x.copy() for name, x in params.items()}
    # Uniform rather than normal: as good for this, and cheaper on big blocks.
    deltas = {name: spacing * np.maximum(1.0, np.abs(x)) * (2.0 * rng.random(x.shape) - 1.0)
              for name, x in saved.items()}
    values = []
    try:
        for t in range(-(points // 2), points - points // 2):
            if t == 0:
                values.append(f0)
                continue
            for name, x in params.items():
                np.add(saved[name], t * deltas[name], out=x)
            values.append(f())
    finally:
        for name, x in params.items():
            x[...] = saved[name]
    third = np.diff(np.array(values), 3)
    return float(np.median(np.abs(third)) / (0.6745 * np.sqrt(20.0)))


def make_scale(sigma, f0):
    """
    Noise with a safety margin, and the step that balances truncation against it.

    With |f3| taken as ~|f|, the best step is STEP times the cube root of the
    noise in units of MIN_NOISE_ULPS ulps of f, clipped to [STEP, MAX_STEP].

    Inputs:
    - sigma: float, estimated noise of one evaluation
    - f0: float, cost at the point

    Returns:
    - Scale
    """
    least = MIN_NOISE_ULPS * EPS * abs(f0)
    noise = max(NOISE_SAFETY * sigma, least)
    ulps = noise / (EPS * abs(f0)) if f0 else MIN_NOISE_ULPS
    step = float(np.clip(STEP * np.cbrt(ulps / MIN_NOISE_ULPS), STEP, MAX_STEP))
    return Scale(float(noise), step, least)


def judge(a, f0, fm, fm2, fp2, fp, h, rtol, floor):
    """
    Decide one derivative from five values of the cost along a line.

    Inputs:
    - a: float, analytic derivative along the line
    - f0, fm, fm2, fp2, fp: the cost at offsets 0, -h, -h/2, +h/2, +h
    - h: float, step
    - rtol: float, relative tolerance
    - floor: float, absolute tolerance from noise (noise / h)

    Returns a tuple of:
    - status: OK, SUSPECT (the five values look smooth and disagree with a:
      to be confirmed) or INCONCLUSIVE (they do not look smooth)
    - numeric: float, the best numerical derivative (the matching one-sided
      derivative when the line crosses a kink)
    """
    d1 = (fp - fm) / (2 * h)
    d2 = (fp2 - fm2) / h
    rich = (4 * d2 - d1) / 3                 # O(h^4): truncation gone
    right = (-3 * f0 + 4 * fp2 - fp) / h     # O(h^2), uses [0, h] only
    left = (3 * f0 - 4 * fm2 + fm) / h       # O(h^2), uses [-h, 0] only

    def agrees(est):
        return abs(a - est) <= rtol * (abs(a) + abs(est)) + floor

    for est in (rich, right, left):
        if agrees(est):
            return OK, est
    estimates = (d1, d2, rich, right, left)
    spread = max(estimates) - min(estimates)
    # A smooth cost makes the five estimates agree far better than they
    # agree with a wrong gradient; a kink spreads them by its own size.
    if spread <= max(0.1 * abs(a - rich), floor):
        return SUSPECT, rich
    return INCONCLUSIVE, rich


class EntryLine:
    """
    The cost along one coordinate of a block: phi(t) = cost(x + t e_i).

    Inputs (constructor):
    - f: CostCounter
    - flat: (N,) float64 view of the private copy of the block
    - i: int, flat index of the entry
    """

    def __init__(self, f, flat, i):
        self.f, self.flat, self.i = f, flat, i
        self.x = float(flat[i])

    def at(self, t):
        """Returns (cost, offset actually applied)."""
        xt = self.x + t
        self.flat[self.i] = xt
        try:
            return self.f(), xt - self.x
        finally:
            self.flat[self.i] = self.x


class DirectionLine:
    """
    The cost along a unit direction of a block: phi(t) = cost(x + t v).

    Inputs (constructor):
    - f: CostCounter
    - flat: (N,) float64 view of the private copy of the block
    - v: (N,) unit vector
    """

    def __init__(self, f, flat, v):
        self.f, self.flat, self.v = f, flat, v
        self.saved = flat.copy()

    def at(self, t):
        """Returns (cost, t)."""
        np.add(self.saved, t * self.v, out=self.flat)
        try:
            return self.f(), t
        finally:
            self.flat[...] = self.saved


def refine(line, a, f0, fm, fp, h, rtol, scale):
    """
    Two more evaluations, at +-h/2, for a derivative that disagreed.

    Inputs:
    - line: EntryLine or DirectionLine
    - a: float, analytic derivative along the line
    - f0, fm, fp: cost at offsets 0, -h, +h
    - h: float, step
    - rtol: float, relative tolerance
    - scale: Scale

    Returns a tuple of:
    - status: OK, SUSPECT or INCONCLUSIVE (see judge)
    - numeric: float
    """
    fp2, _ = line.at(h / 2)
    fm2, _ = line.at(-h / 2)
    return judge(a, f0, fm, fm2, fp2, fp, h, rtol, scale.floor(h))


ZOOM_OUT = (8.0, 64.0)


def confirm(line, a, rich, h, rtol, scale, zoom_out=True):
    """
    Look at other scales before calling a suspect derivative wrong.

    Two failure modes of the numerical side look exactly like a wrong
    gradient at the scale of the step h, with five perfectly smooth values:
    - two ReLU kinks on either side of the point, closer together than h,
      make a narrow piece whose slope (the correct gradient) no stencil of
      width h sees; central differences with steps h/32, h/32^2, ... down
      to the smallest step at which round-off of a few ulps still resolves
      the disagreement finds it;
    - a quantized cost, e.g. log(1 - AL) with AL rounded within 1e-7 of 1,
      is flat between quantization levels, and a stencil spanning few
      levels misses part of the slope; wider steps, 8h and 64h, span more
      levels and come ever nearer to the analytic derivative.
    A wrong gradient stays away from the numerical derivative at every
    scale. If at two neighbouring scales the numerical derivative comes
    nearer to the analytic one than to the first estimate, the entry is
    inconclusive. (Noise that merely scatters the estimates rarely lands
    there twice, so noisy costs keep most of their power to detect bugs.)

    Inputs:
    - line: EntryLine or DirectionLine
    - a: float, analytic derivative
    - rich: float, numerical derivative from judge
    - h: float, step used so far
    - rtol: float, relative tolerance
    - scale: Scale
    - zoom_out: whether to try wider steps; not along a random direction,
      whose step already moves every entry and whose wider steps are far
      from linear

    Returns a tuple of:
    - status: FAIL or INCONCLUSIVE
    - numeric: float
    """
    gap = abs(a - rich)

    def towards_a(estimate):
        return abs(estimate - a) < 0.5 * gap

    # Steps deep enough for the least noise a cost can have (the kinks that
    # inflate a noise estimate are the very reason to zoom in): a narrow
    # piece wider than them shows its own slope at both. Two scales must
    # agree, so that an estimate scattered by noise or by the nonlinearity
    # of a wide step does not land near a by chance.
    h_min = max(4.0 * FLOOR_SIGMAS * scale.least_noise / gap, h * 1e-9)
    if 4 * h_min < h / 4 and all(towards_a(_central(line, t)) for t in (h_min, 4 * h_min)):
        return INCONCLUSIVE, rich
    # Quantization error decays towards a as the step H grows, truncation
    # grows like H^2 away from it: only the first ends near a at 64h after
    # being farther at 8h.
    if not zoom_out:
        return FAIL, rich
    near, nearer = (abs(_central(line, h * factor) - a) for factor in ZOOM_OUT)
    if nearer < 0.25 * gap and nearer < near:
        return INCONCLUSIVE, rich
    return FAIL, rich


def _central(line, t):
    """Central difference of the cost along line with step t, using the offsets actually applied."""
    fp, tp = line.at(t)
    fm, tm = line.at(-t)
    return (fp - fm) / (tp - tm)


@dataclass
class EntryResults:
    """Per-entry outcome of a central-difference check (arrays of length k)."""
    index: np.ndarray      # (k,) flat indices into the block
    analytic: np.ndarray   # (k,)
    numeric: np.ndarray    # (k,)
    status: np.ndarray     # (k,) OK / FAIL / INCONCLUSIVE


def check_entries(f, flat, index, analytic, f0, rtol, scale):
    """
    Central differences, entry by entry, for some entries of one block.

    Two evaluations per entry. Entries that disagree are examined, largest
    disagreement first, with two more evaluations (refine) and, if they
    still look wrong, up to ten more (confirm), until one is confirmed: the block
    is wrong then, and the other disagreeing entries are counted as
    failures without spending more evaluations.

    Inputs:
    - f: CostCounter; evaluates the cost at the private parameters
    - flat: (N,) float64 view of the private copy of the block; each entry
      is perturbed in place and restored bit for bit
    - index: (k,) int array of flat indices to check
    - analytic: (k,) analytic gradient at those entries
    - f0: float, cost at the unperturbed point
    - rtol: float, relative tolerance
    - scale: Scale, noise and step

    Returns:
    - EntryResults
    """
    x = flat[index].copy()
    h = scale.step * np.maximum(1.0, np.abs(x))
    xp, xm = x + h, x - h
    fp, fm = np.empty_like(x), np.empty_like(x)
    xl, xpl, xml = x.tolist(), xp.tolist(), xm.tolist()
    for j, i in enumerate(index.tolist()):
        flat[i] = xpl[j]
        fp[j] = f()
        flat[i] = xml[j]
        fm[j] = f()
        flat[i] = xl[j]
    h_used = ((xp - x) + (x - xm)) / 2
    numeric = (fp - fm) / (2 * h_used)
    floor = scale.floor(h_used)
    status = np.full(len(x), OK, dtype=np.int8)
    err = np.abs(analytic - numeric)
    suspicious = np.flatnonzero(err > rtol * (np.abs(analytic) + np.abs(numeric)) + floor)
    # Largest disagreements first: once one is confirmed the block is wrong,
    # and the rest are taken as failures without spending more evaluations.
    order = suspicious[np.argsort(-(err[suspicious] / floor[suspicious]), kind="stable")]
    confirmed = False
    for j in order.tolist():
        if confirmed:
            status[j] = FAIL
            continue
        line, a, hj = EntryLine(f, flat, int(index[j])), float(analytic[j]), float(h_used[j])
        status[j], numeric[j] = refine(line, a, f0, fm[j], fp[j], hj, rtol, scale)
        if status[j] == SUSPECT:
            status[j], numeric[j] = confirm(line, a, float(numeric[j]), hj, rtol, scale)
            confirmed = status[j] == FAIL
    return EntryResults(np.asarray(index), np.asarray(analytic, dtype=np.float64), numeric, status)


@dataclass
class Direction:
    """Outcome of a directional check of one block."""
    v: np.ndarray          # (N,) unit direction
    analytic: float        # g . v
    numeric: float         # d/ds cost(theta + s v) at s = 0
    status: int            # OK / SUSPECT / INCONCLUSIVE (FAIL once confirmed)
    step: float = 0.0      # the step s used
    line: object = None    # DirectionLine, to confirm a suspect later


def direction_step(x, step):
    """
    Step along a unit direction in a block of N entries.

    Each entry then moves by about step * max(1, rms|x|) on average, as in the
    per-entry check; a step of `step` along a unit vector would move each
    entry by step / sqrt(N) and drown the directional derivative in noise.

    Inputs:
    - x: (N,) block values
    - step: float, relative step (Scale.step)

    Returns:
    - s: float
    """
    n = x.size
    rms = float(np.sqrt(np.mean(x * x))) if n else 0.0
    return step * max(1.0, rms) * np.sqrt(n)


def check_direction(f, flat, analytic, f0, rtol, scale, rng, v=None):
    """
    Directional derivative of the cost along a random unit vector in one block.

    The check misses an error e in a block whose true gradient is g only if
    |e . v| falls under the tolerance, about 2*rtol*|g . v|; for v uniform on
    the sphere this happens with probability <= (2/pi) * arctan(2*rtol*||g||/||e||)
    (see gradcheck's docstring).

    Inputs:
    - f: CostCounter
    - flat: (N,) float64 view of the private copy of the block
    - analytic: (N,) analytic gradient of the block
    - f0: float, cost at the unperturbed point
    - rtol: float, relative tolerance
    - scale: Scale, noise and step
    - rng: np.random.Generator for the direction
    - v: optional (N,) direction to use instead of a random one

    Returns:
    - Direction; a disagreement is SUSPECT until confirm() says FAIL
    """
    if v is None:
        v = rng.standard_normal(flat.size)
        v /= np.linalg.norm(v)
    line = DirectionLine(f, flat, v)
    s = direction_step(line.saved, scale.step)
    fp, _ = line.at(s)
    fm, _ = line.at(-s)
    a = float(analytic @ v)
    d1 = (fp - fm) / (2 * s)
    status = OK
    if abs(a - d1) > rtol * (abs(a) + abs(d1)) + scale.floor(s):
        status, d1 = refine(line, a, f0, fm, fp, s, rtol, scale)
    return Direction(v, a, d1, status, s, line)
