"""gradcheck: compare a backprop's gradients with numerical ones, block by block."""

import numpy as np

from . import _numeric as num
from ._diagnose import Cause, Evidence, diagnose, explain, fits_direction, is_weight, parse_layer, pattern_top_layer
from ._report import BlockResult, Entry, GradcheckReport, course_band
from ._validate import check_grads, grad_key, private_params

EXHAUSTIVE_LIMIT = 2000


def gradcheck(cost, params, grads, *, mode="auto", rtol=1e-7, lambd=None, m=None, keep_prob=None,
              activation="relu", seed=0, exhaustive_limit=EXHAUSTIVE_LIMIT, directions=1, drill=4):
    """
    Check analytic gradients against numerical ones and explain any error.

    Every parameter block is judged on its own, so a bug in db3 is not
    diluted by W1. Shapes and dtypes are checked before any numerical work.
    The cost is evaluated twice at the same point first: if it differs (fresh
    dropout masks), the check stops and says how to freeze the masks (see
    freeze_random). The caller's params are never modified: the cost
    receives a dict of private float64 copies, perturbed in place one entry
    (or one direction) at a time and restored exactly.

    Numerical side (see _numeric): the noise of the cost is measured first
    (12 evaluations at very close points); the step is cbrt(eps) * max(1,
    |x|), larger for a noisy cost; an entry that disagrees gets two more
    evaluations (Richardson and one-sided derivatives: a stencil straddling
    a ReLU kink is recognised, and a correct gradient matches the one-sided
    derivative of its own side), and before a block is called wrong one
    suspect is looked at with a much smaller and wider steps (two kinks
    closer than the step, a quantized cost). Entries left undecided are
    "inconclusive": counted in BlockResult.inconclusive, left out of the
    differences, never a failure.

    Modes (mode="auto" picks by size):
    - "exhaustive" (<= exhaustive_limit entries in total): every entry,
      two cost evaluations each (~270 for [2, 20, 3, 1]).
    - "random": per block, the derivative along a random unit direction v
      compared with g . v (two evaluations per block and direction, ~30 in
      all for [12288, 20, 7, 5, 1]); a failing block is drilled into at
      `drill` sampled entries (largest |g| and random ones) for the worst
      entries and the diagnosis; a block whose directional numbers fit a
      cause already found elsewhere (e.g. the same factor m) is not drilled.
      report.difference is then an estimate of the course's formula from
      sqrt(N_b) times the directional derivatives.

    Miss probability of the random mode. Let e = g_analytic - g_true in a
    block and eps_b = ||e|| / ||g_true||. One direction misses the error only
    if |e . v| <= rtol * (|g . v| + |g_num . v|) + floor. For v uniform on
    the sphere, the pair (e . v, g . v) is close to a bivariate normal and

        P(miss) <= (2/pi) * arctan(2 * rtol / eps_b)  ~  1.27 * rtol / eps_b,

    equality when e is orthogonal to g (e.g. a single wrong entry). With the
    default rtol = 1e-7: a block 1% wrong is missed with probability
    <= 1.3e-5; a single entry of W1 in [12288, 20, 7, 5, 1] (N = 245760)
    wrong by its own typical size (eps_b ~ 1/sqrt(N) = 2e-3) with
    probability <= 6.3e-5. With `directions` = d independent directions per
    block the bound is raised to the power d. The round-off floor adds
    about floor * sqrt(N) / ||g|| to 2 * rtol (negligible unless ||g|| is
    below ~1e-6).

    Inputs:
    - cost: callable, params dict -> float, the full cost (regularization
      included), deterministic (wrap dropout with freeze_random)
    - params: dict name -> array, e.g. W1 (n1, n0), b1 (n1, 1), ...
    - grads: dict "d" + name -> array of the same shape; other keys (dZ3,
      dA2, ...) are ignored
    - mode: "auto", "exhaustive" or "random"
    - rtol: relative tolerance per entry / per direction
    - lambd, m, keep_prob: optional hints to name constants exactly in the
      diagnosis (the harness never needs them to judge)
    - activation: "relu" (default) or "tanh", the hidden layers' activation, named in the diagnosis of
      an error that enters at one layer
    - seed: seed of the random directions and samples (reports are
      reproducible)
    - exhaustive_limit: largest total number of entries checked exhaustively
      in "auto" mode
    - directions: random directions per block in random mode
    - drill: entries sampled in a failing block in random mode

    Returns:
    - report: GradcheckReport with ok, difference, band, blocks, diagnosis;
      str(report) is a table for student feedback

    Example:
        report = gradcheck(lambda p: cost_with_l2(p, X, Y, 0.7), params, grads,
                           lambd=0.7, m=X.shape[1])
        assert report.ok, str(report)

    Limits: the numerical gradient is only as good as the computed cost. A
    cost computed as log(1 - AL) with AL within ~1e-9 of 1 (or log(AL) with
    AL near 0) has lost the digits that carry that example's slope, at the
    scale of every usable step; a correct backprop can then be flagged.
    Check at unsaturated points, or give the grader a stable cost, e.g.
    mean(np.logaddexp(0, ZL) - Y * ZL).
    """
    if mode not in ("auto", "exhaustive", "random"):
        raise ValueError(f"mode must be 'auto', 'exhaustive' or 'random', not {mode!r}")
    hints = {"lambd": lambd, "m": m, "keep_prob": keep_prob, "activation": activation}
    P, param_problems = private_params(params)
    blocks = {name: BlockResult(name, grad_key(name), np.shape(params[name])) for name in params}
    analytic, grad_problems = check_grads(P, grads) if not param_problems else ({}, {})
    for name, sentence in grad_problems.items():
        blocks[name].verdict, blocks[name].cause = "invalid", sentence
    if mode == "auto":
        mode = "exhaustive" if sum(np.size(params[name]) for name in params) <= exhaustive_limit else "random"
    problems = param_problems + list(grad_problems.values())
    if problems:
        return _failed(blocks, problems, mode)
    f = num.CostCounter(cost, P)
    pristine = {name: p.copy() for name, p in P.items()}
    try:
        f0 = _deterministic_cost(f, P, pristine)
        rng = np.random.default_rng(seed)
        scale = num.make_scale(num.estimate_noise(f, P, f0, rng), f0)
        checker = _check_exhaustive if mode == "exhaustive" else _check_random
        evidence, parts = checker(f, P, analytic, f0, rtol, scale, blocks, rng, directions, drill)
    except num.CostError as exc:
        return _failed(blocks, [str(exc)], mode, f.count)
    if any(not np.array_equal(P[name], pristine[name]) for name in P):
        return _failed(blocks, [_MUTATION], mode, f.count)
    return _verdict(blocks, evidence, parts, hints, mode, f.count)


_MUTATION = ("The cost changed the parameters it was given (an in-place update such as W -= ... or "
             "W *= ... inside the forward pass); a cost must leave its inputs alone.")


def _failed(blocks, problems, mode, evaluations=0):
    """A report for inputs that cannot be checked: ok False, no numbers."""
    text = " ".join(problems[:2])
    if len(problems) > 2:
        text += f" ({len(problems) - 2} more problem{'s' if len(problems) > 3 else ''}: see the table.)"
    return GradcheckReport(False, float("nan"), blocks, text, problems, mode, evaluations)


def _deterministic_cost(f, P, pristine):
    """
    The cost at the point of the check, evaluated twice to catch randomness.

    Returns:
    - f0: float
    Raises CostError with the non-determinism (or mutation) message.
    """
    first, second = f(), f()
    if any(not np.array_equal(P[name], pristine[name]) for name in P):
        raise num.CostError(_MUTATION)
    if abs(first - second) > 4 * num.EPS * max(abs(first), abs(second)):
        raise num.CostError(
            f"The cost is not deterministic: two evaluations at the same parameters gave {first!r} and "
            f"{second!r} (a forward pass that draws fresh dropout masks at every call?), so no numerical "
            f"gradient exists. Freeze the masks: compute the gradients after np.random.seed(s) and check "
            f"with gradcheck(freeze_random(cost, seed=s), params, grads), or check with keep_prob = 1.")
    return first


def _check_exhaustive(f, P, analytic, f0, rtol, scale, blocks, rng, directions, drill):
    """
    Every entry of every block.

    Returns a tuple of:
    - evidence: dict name -> Evidence for the failing blocks
    - parts: list of (numeric, analytic) arrays of conclusive entries, for
      the global difference
    """
    evidence, parts = {}, []
    for name, theta in P.items():
        flat, a = theta.reshape(-1), analytic[name].reshape(-1)
        res = num.check_entries(f, flat, np.arange(flat.size), a, f0, rtol, scale)
        block = blocks[name]
        block.mode = "exhaustive"
        _fill_block(block, res, theta.shape)
        keep = res.status != num.INCONCLUSIVE
        parts.append((res.numeric[keep], res.analytic[keep]))
        if block.verdict == "WRONG":
            ev = _evidence(name, res, theta, sampled=False)
            ev.transposed = _is_transposed(res, theta.shape, rtol)
            evidence[name] = ev
    return evidence, parts


def _fill_block(block, res, shape):
    """Verdict, difference and worst entries of a block from entry results."""
    keep = res.status != num.INCONCLUSIVE
    n, a = res.numeric[keep], res.analytic[keep]
    block.checked = len(res.status)
    block.inconclusive = int((~keep).sum())
    block.difference = _rel(n, a)
    if (res.status == num.FAIL).any():
        block.verdict = "WRONG"
    elif block.inconclusive * 2 > block.checked:
        block.verdict = "inconclusive"
    else:
        block.verdict = "ok"
    block.worst = _worst(res, shape)


def _worst(res, shape, count=3):
    """The entries with the largest |analytic - numeric|, kinked ones last."""
    err = np.abs(res.analytic - res.numeric)
    err[res.status == num.INCONCLUSIVE] = -1.0   # their numbers mean little
    order = np.argsort(-err, kind="stable")[:count]
    return [Entry(tuple(int(i) for i in np.unravel_index(res.index[j], shape)),
                  float(res.analytic[j]), float(res.numeric[j])) for j in order]


def _rel(n, a):
    """The course's relative difference ||n - a|| / (||n|| + ||a||) of two arrays (0 if both are 0)."""
    denom = np.linalg.norm(n) + np.linalg.norm(a)
    return float(np.linalg.norm(n - a) / denom) if denom > 0 else 0.0


def _evidence(name, res, theta, sampled):
    """Evidence for the diagnosis from the conclusive entries of a num.EntryResults."""
    keep = res.status != num.INCONCLUSIVE
    idx = res.index[keep]
    return Evidence(
        name=name, grad_name=grad_key(name), a=res.analytic[keep], n=res.numeric[keep],
        w=theta.reshape(-1)[idx], bad=res.status[keep] == num.FAIL,
        index=[tuple(int(i) for i in np.unravel_index(j, theta.shape)) for j in idx],
        size=theta.size, sampled=sampled)


def _is_transposed(res, shape, rtol):
    """Whether a square block's analytic gradient is the numerical one transposed."""
    if len(shape) != 2 or shape[0] != shape[1] or shape[0] < 2:
        return False
    if (res.status == num.INCONCLUSIVE).any():
        return False
    a = res.analytic.reshape(shape)
    n = res.numeric.reshape(shape)
    return _rel(n.T, a) <= 100 * rtol + 1e-9 and _rel(n, a) > 1e-3


def _check_random(f, P, analytic, f0, rtol, scale, blocks, rng, directions, drill):
    """
    One or more random directions per block; sampled entries in failing blocks.

    Returns: as _check_exhaustive; parts holds, per block, sqrt(N) times the
    directional derivatives, whose squared norms estimate the blocks' squared
    gradient norms (E[(g . v)^2] = ||g||^2 / N).
    """
    parts, suspects = [], {}
    for name, theta in P.items():
        flat, a = theta.reshape(-1), analytic[name].reshape(-1)
        checks = [_one_direction(f, flat, a, f0, rtol, scale, rng) for _ in range(directions)]
        block = blocks[name]
        block.mode, block.checked = "random", len(checks)
        n_dir = np.array([c.numeric for c in checks])
        a_dir = np.array([c.analytic for c in checks])
        block.difference = _rel(n_dir, a_dir)
        weight = np.sqrt(flat.size / len(checks))
        parts.append((weight * n_dir, weight * a_dir))
        statuses = [c.status for c in checks]
        if num.SUSPECT in statuses:
            block.verdict = "WRONG"          # provisional, until confirmed
            suspects[name] = checks[statuses.index(num.SUSPECT)]
        elif num.INCONCLUSIVE in statuses:
            block.verdict, block.inconclusive = "inconclusive", statuses.count(num.INCONCLUSIVE)
        else:
            block.verdict = "ok"
    evidence = _settle_suspects(f, P, analytic, f0, rtol, scale, blocks, rng, drill, suspects)
    return evidence, parts


def _settle_suspects(f, P, analytic, f0, rtol, scale, blocks, rng, drill, suspects):
    """
    Confirm or clear the blocks whose direction disagreed, spending as few
    evaluations as the verdict and the diagnosis need. Blocks go top layer
    first, weights before biases:
    - a block whose directional numbers fit a cause already confirmed in
      another block (a = k n + beta W) is wrong for that cause;
    - when the failures form the layer pattern (every layer up to l wrong)
      and layer l is confirmed, the blocks below it are wrong as well;
    - any other block is drilled into at `drill` sampled entries; a
      confirmed wrong entry makes it wrong, and if every sample agrees the
      direction itself is confirmed (wrong entries that were not sampled)
      or cleared (a kink: inconclusive).

    Inputs:
    - suspects: dict name -> num.Direction whose status is SUSPECT

    Returns:
    - evidence: dict name -> Evidence for the blocks found wrong
    """
    top = pattern_top_layer({name: b.verdict for name, b in blocks.items()})
    order = sorted(suspects, key=lambda n: (-(parse_layer(n)[1] or 0), not is_weight(n)))
    evidence, found, top_confirmed = {}, [], False
    for name in order:
        check, theta, block = suspects[name], P[name], blocks[name]
        layer = parse_layer(name)[1]
        wv = float(theta.reshape(-1) @ check.v)
        fitted = (fits_direction(c, is_weight(name), check.analytic, check.numeric, wv) for c in found)
        known = next((c for c in fitted if c is not None), None)
        if known is not None:
            evidence[name] = _undrilled(name, theta, known)
        elif top_confirmed and layer is not None and layer <= top:
            evidence[name] = _undrilled(name, theta, Cause("propagated" if layer < top else "undrilled"))
        else:
            ev = _drill(f, theta, analytic[name], f0, rtol, scale, rng, drill, check, block)
            if ev is None:
                block.verdict, block.inconclusive = "inconclusive", 1
                continue
            ev.cause = explain(ev)
            found.append(ev.cause)
            evidence[name] = ev
        top_confirmed = top_confirmed or (top is not None and layer == top)
    return evidence


def _drill(f, theta, a_block, f0, rtol, scale, rng, drill, check, block):
    """
    Sampled entries of a block whose direction disagreed.

    Returns:
    - Evidence, or None when the block turns out inconclusive
    """
    flat, a = theta.reshape(-1), a_block.reshape(-1)
    index = _sample(a, drill, rng)
    res = num.check_entries(f, flat, index, a[index], f0, rtol, scale)
    if not (res.status == num.FAIL).any():
        status, _ = num.confirm(check.line, check.analytic, check.numeric, check.step, rtol, scale,
                                zoom_out=False)
        if status != num.FAIL:
            return None
    block.worst = _worst(res, theta.shape)
    ev = _evidence(block.name, res, theta, sampled=index.size < flat.size)
    ev.transposed = _random_transposed(f, flat, a_block, f0, rtol, scale, check.v)
    return ev


def _undrilled(name, theta, cause):
    """Evidence without entries, for a block whose cause is known without drilling."""
    empty = np.zeros(0)
    return Evidence(name=name, grad_name=grad_key(name), a=empty, n=empty, w=empty,
                    bad=np.zeros(0, dtype=bool), index=[], size=theta.size, sampled=True, cause=cause)


def _one_direction(f, flat, a, f0, rtol, scale, rng, tries=3):
    """A directional check, retried with new directions if it lands on a kink."""
    for _ in range(tries):
        check = num.check_direction(f, flat, a, f0, rtol, scale, rng)
        if check.status != num.INCONCLUSIVE:
            return check
    return check


def _sample(a, k, rng):
    """
    Entries to drill into: the k/2 largest |analytic| (informative for the
    fits) and k/2 uniformly random ones (unbiased), without repeats.

    Inputs:
    - a: (N,) analytic gradient of the block
    - k: int, number of entries wanted

    Returns:
    - index: (<= k,) sorted int array
    """
    if a.size <= k:
        return np.arange(a.size)
    top = np.argpartition(-np.abs(a), k // 2)[: k // 2]
    rest = np.setdiff1d(np.arange(a.size), top) if a.size < 10 * k else None
    if rest is None:
        extra = rng.choice(a.size, size=2 * k, replace=False)
        extra = extra[~np.isin(extra, top)][: k - k // 2]
    else:
        extra = rng.choice(rest, size=k - k // 2, replace=False)
    return np.sort(np.concatenate([top, extra]))


def _random_transposed(f, flat, a_block, f0, rtol, scale, v):
    """
    Whether a square block's analytic gradient is the numerical one transposed:
    g . v == g_num . v^T then (two more evaluations).
    """
    shape = a_block.shape
    if len(shape) != 2 or shape[0] != shape[1] or shape[0] < 2:
        return False
    vt = v.reshape(shape).T.reshape(-1)
    check = num.check_direction(f, flat, a_block.T.reshape(-1), f0, rtol, scale, None, v=vt)
    return check.status == num.OK


def _verdict(blocks, evidence, parts, hints, mode, evaluations):
    """Assemble the report from checked blocks."""
    n = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0)
    a = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0)
    difference = _rel(n, a)
    verdicts = {name: b.verdict for name, b in blocks.items()}
    evidence = {name: evidence[name] for name in blocks if name in evidence}
    ok = not evidence
    if ok:
        diagnosis = _positive(blocks, difference, mode)
    else:
        diagnosis, per_block, findings = diagnose(evidence, verdicts, hints)
        for name, sentence in per_block.items():
            blocks[name].cause = sentence
    return GradcheckReport(ok, difference, blocks, diagnosis, [], mode, evaluations,
                           findings if not ok else [])


def _positive(blocks, difference, mode):
    """The diagnosis of a passing check: one positive sentence."""
    kinks = sum(b.inconclusive for b in blocks.values())
    how = "every entry" if mode == "exhaustive" else "a random direction in every block"
    text = (f"All {len(blocks)} gradient blocks agree with the numerical gradient ({how} checked; "
            f"difference {difference:.1e}: {course_band(difference)}).")
    if kinks:
        text += (f" {kinks} check{'s' if kinks > 1 else ''} straddled a ReLU kink and "
                 f"{'were' if kinks > 1 else 'was'} left undecided.")
    return text
