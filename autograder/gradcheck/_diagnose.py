"""
From numbers to a sentence: which block is wrong and the likely cause.

The harness knows neither the network nor lambda, m or keep_prob. It fits
simple models to each failing block and reads the coefficients:

- a = k * n          a constant factor (sign, x2, x m, x 1/m, x keep_prob...)
- a = n + beta * W   a term proportional to the weights: the L2 term
- a = n.T            a transposed (square) weight gradient
- a few entries off  an indexing bug
and, across blocks, "every layer up to l wrong, the layers above exact":
the error enters the backward pass at layer l.
Optional hints (lambd, m, keep_prob) let the coefficients be named exactly.
"""

import re
from dataclasses import dataclass

import numpy as np

# A model explains a block if it leaves less than this fraction of the
# gradient unexplained: far above the ~1e-8 error of the numerical gradient,
# far below any real bug.
FIT_TOL = 1e-4
# ... and it must remove all but this share of the disagreement a - n.
FIT_SHARE = 1e-2
NAME_TOL = 2e-3


@dataclass
class Evidence:
    """
    What is known about one failing block.

    Attributes:
    - name: parameter name, e.g. "W2"
    - grad_name: "dW2"
    - a, n, w: (k,) analytic, numerical gradient and parameter values at the
      checked (conclusive) entries
    - bad: (k,) bool, entries that fail on their own
    - index: list of k index tuples, for naming entries
    - size: number of entries in the block
    - transposed: True if the block equals the numerical gradient transposed
    - sampled: True if the entries are a sample (random mode)
    """
    name: str
    grad_name: str
    a: np.ndarray
    n: np.ndarray
    w: np.ndarray
    bad: np.ndarray
    index: list
    size: int
    transposed: bool = False
    sampled: bool = False
    cause: "Cause | None" = None


@dataclass
class Cause:
    """
    A fitted explanation of a failing block: a = k * n + beta * W for the
    kinds factor, wterm, factor+wterm; otherwise one of transposed, few,
    unsampled (random mode, sampled entries all fine), propagated (below the
    layer where the error enters, not drilled into), undrilled (same layer
    as a drilled block), unexplained.
    """
    kind: str
    k: float = 1.0
    beta: float = 0.0


def fits_direction(cause, weight, a_dir, n_dir, wv):
    """
    Whether a block's directional numbers fit a cause found in another block.

    Inputs:
    - cause: Cause found in another block
    - weight: bool, whether this block is a weight block (has an L2 term)
    - a_dir, n_dir: analytic and numerical derivative along v
    - wv: W . v (the block's parameters along the same direction)

    Returns:
    - Cause for this block, or None if the numbers do not fit
    """
    if cause.kind not in ("factor", "wterm", "factor+wterm"):
        return None
    beta = cause.beta if weight else 0.0
    predicted = cause.k * n_dir + beta * wv
    scale = abs(a_dir) + abs(cause.k * n_dir) + abs(beta * wv)
    if scale == 0 or abs(a_dir - predicted) > FIT_TOL * scale or predicted == n_dir:
        return None
    if beta == 0.0:
        return Cause("factor", k=cause.k)
    return Cause(cause.kind, k=cause.k, beta=beta)


def parse_layer(name):
    """
    Split a parameter name into letter and layer: "W12" -> ("W", 12).

    Returns:
    - (prefix, layer) with layer None when the name has no trailing number
    """
    match = re.fullmatch(r"(.*?)(\d+)", name)
    if not match:
        return name, None
    return match.group(1), int(match.group(2))


def is_weight(name):
    """Whether a parameter is a weight matrix (has an L2 term): "W2" yes, "b2" no."""
    return parse_layer(name)[0] == "W"


def explain(ev):
    """
    The simplest model that explains a failing block.

    Inputs:
    - ev: Evidence

    Returns:
    - Cause
    """
    if ev.cause is not None:
        return ev.cause
    if ev.transposed:
        return Cause("transposed")
    if len(ev.a) == 0 or np.linalg.norm(ev.a) + np.linalg.norm(ev.n) == 0:
        return Cause("unexplained")
    # Entries that were taken as failures without a closer look may sit on
    # a kink; a fit may leave out the worst tenth of them.
    keep = np.ones(len(ev.a), dtype=bool)
    cause = _fit(ev, keep)
    if cause is None and len(ev.a) >= 10:
        cause = _fit(ev, _trim(ev, len(ev.a) // 10))
    if cause is not None:
        return cause
    nbad = int(ev.bad.sum())
    if nbad == 0 and ev.sampled:
        return Cause("unsampled")
    if 0 < nbad <= max(1, len(ev.a) // 10) and not ev.sampled:
        return Cause("few")
    return Cause("unexplained")


def _models(ev):
    """Least-squares coefficients of the one- and two-term models."""
    a, n, w = ev.a, ev.n, ev.w
    out = []
    if n @ n > 0:
        out.append(Cause("factor", k=(a @ n) / (n @ n)))
    if is_weight(ev.name) and w @ w > 0:
        out.append(Cause("wterm", beta=((a - n) @ w) / (w @ w)))
        if len(a) >= 3:
            (k, beta), *_ = np.linalg.lstsq(np.stack([n, w], axis=1), a, rcond=None)
            out.append(Cause("factor+wterm", k=k, beta=beta))
    return out


def _residual(ev, c):
    """(k,) what model c leaves unexplained: a - k n - beta w."""
    return ev.a - c.k * ev.n - c.beta * ev.w


def _fit(ev, keep):
    """
    The simplest of factor, wterm, factor+wterm that explains the kept
    entries: it must remove nearly all of the disagreement a - n (so that a
    single wrong entry is not "explained" by a factor of 1.0001).
    """
    sub = Evidence(ev.name, ev.grad_name, ev.a[keep], ev.n[keep], ev.w[keep], ev.bad[keep], [], ev.size)
    scale = np.linalg.norm(sub.a) + np.linalg.norm(sub.n)
    disagreement = np.linalg.norm(sub.a - sub.n)
    if scale == 0 or disagreement == 0:
        return None
    good = [(np.linalg.norm(_residual(sub, c)) / scale, c) for c in _models(sub)
            if np.linalg.norm(_residual(sub, c)) <= FIT_SHARE * disagreement]
    good = [(r, c) for r, c in good if r <= FIT_TOL]
    if not good:
        return None
    simple = [g for g in good if g[1].kind != "factor+wterm"] or good
    return min(simple, key=lambda g: g[0])[1]


def _trim(ev, count):
    """Keep all entries but the `count` worst fitted by the best one-term model."""
    models = [c for c in _models(ev) if c.kind != "factor+wterm"] or _models(ev)
    if not models:
        return np.ones(len(ev.a), dtype=bool)
    best = min(models, key=lambda c: np.linalg.norm(_residual(ev, c)))
    worst = np.argsort(-np.abs(_residual(ev, best)))[:count]
    keep = np.ones(len(ev.a), dtype=bool)
    keep[worst] = False
    return keep


def _close(x, target):
    """Whether x equals target to NAME_TOL (relative)."""
    return abs(x - target) <= NAME_TOL * max(abs(target), 1e-12)


def factor_words(k, hints):
    """
    Name a constant factor between analytic and numerical gradient.

    Inputs:
    - k: float, analytic = k * numerical
    - hints: dict with optional lambd, m, keep_prob

    Returns a tuple of:
    - what: e.g. "twice the numerical gradient"
    - why: the likely cause, e.g. "a term is counted twice"
    """
    m, kp = hints.get("m"), hints.get("keep_prob")
    named = [
        (-1.0, "the numerical gradient with the wrong sign",
         "a sign is flipped (for example dZ = Y - AL instead of AL - Y, or a lost minus of the log-loss)"),
        (2.0, "twice the numerical gradient", "a term is counted twice or a factor 2 is left over"),
        (0.5, "half the numerical gradient", "a stray factor 1/2"),
    ]
    if m:
        named += [(float(m), f"m = {m:g} times the numerical gradient", "the 1/m factor is missing"),
                  (1.0 / m, f"1/m = 1/{m:g} of the numerical gradient", "it is divided by m twice")]
    if kp and kp != 1:
        named += [(kp, f"keep_prob = {kp:g} times the numerical gradient",
                   "dA was multiplied by the dropout mask but not divided by keep_prob"),
                  (kp * kp, f"keep_prob² = {kp * kp:g} times the numerical gradient",
                   "the division by keep_prob is missing at two layers"),
                  (1.0 / kp, f"1/keep_prob = {1 / kp:g} times the numerical gradient",
                   "dA was divided by keep_prob twice")]
    for value, what, why in named:
        if _close(k, value):
            return what, why
    if abs(k) <= FIT_TOL:
        return "zero", "it was never computed (left at its initial zeros?)"
    return _unnamed_factor(k)


def _unnamed_factor(k):
    """factor_words for a factor that no hint names: (what, why) strings."""
    what = f"{k:.4g} times the numerical gradient"
    if k >= 2.5 and _close(k, round(k)):
        return what, f"a missing 1/m, if m = {round(k)}"
    if 0 < k <= 0.4 and _close(1 / k, round(1 / k)):
        return f"1/{round(1 / k)} of the numerical gradient", f"an extra 1/m, if m = {round(1 / k)}"
    if 0 < k < 1:
        return what, f"if keep_prob = {k:.4g}, dA was not divided by keep_prob"
    if 1 < k < 2.5:
        return what, f"if keep_prob = {1 / k:.4g}, dA was divided by keep_prob twice"
    return what, "a wrong constant (and sign) in the formula"


def wterm_words(beta, names, hints):
    """
    Name a residual beta * W: the L2 term missing, halved or doubled.

    Inputs:
    - beta: float, analytic = numerical + beta * W
    - names: the weight names, for the formula, e.g. "W2" or "W"
    - hints: dict with optional lambd and m

    Returns:
    - why: str, the likely cause
    """
    lambd, m = hints.get("lambd"), hints.get("m")
    term = f"(λ/m)·{names}"
    if lambd is not None and m:
        r = lambd / m
        if r and _close(beta, -r):
            return f"the L2 term {term} is missing (λ/m = {r:.3g})"
        if r and _close(beta, -r / 2):
            return f"the L2 term is written λ/(2m)·{names} instead of {term}"
        if r and _close(beta, r):
            return f"the L2 term {term} is added twice"
        if not r:
            return f"there is a term in {names} although λ = 0"
        return f"the L2 term is wrong: it should be {term} with λ/m = {r:.3g}"
    if beta < 0:
        return (f"the L2 term {term} is probably missing (if λ/m = {-beta:.3g}), "
                f"or halved, λ/(2m)·{names} (if λ/m = {-2 * beta:.3g})")
    return (f"the L2 term is too large (added twice if λ/m = {beta:.3g}), "
            f"or there is a term in {names} that the cost does not have")


def _join(names):
    """"a", "a and b", "a, b and c"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _is(names):
    """"is" or "are" for a list of names."""
    return "is" if len(names) == 1 else "are"


def group_sentence(kind, value, evs, hints):
    """
    One sentence about a group of blocks sharing the same cause.

    Inputs:
    - kind: Cause.kind
    - value: (k, beta) of the group
    - evs: list of Evidence of the blocks in the group
    - hints: dict of optional hints

    Returns:
    - sentence: str
    """
    names = [ev.grad_name for ev in evs]
    who = _join(names)
    k, beta = value
    if kind == "factor":
        what, why = factor_words(k, hints)
        return f"{who} {_is(names)} {what}: {why}."
    if kind == "wterm":
        w = evs[0].name if len(evs) == 1 else "W"
        each = "" if len(evs) == 1 else " (each with its own W)"
        return (f"{who} {'differs' if len(evs) == 1 else 'differ'} from the numerical gradient by "
                f"{beta:.3g}·{w}{each}: {wterm_words(beta, w, hints)}.")
    if kind == "factor+wterm":
        what, why = factor_words(k, hints)
        return f"{who} {_is(names)} {what}, apart from the L2 term: {why}."
    if kind == "transposed":
        return (f"{who} {_is(names)} the numerical gradient transposed: a weight gradient is "
                f"dZ · A_prevᵀ / m, with the shape and orientation of its W.")
    ev = evs[0]
    if kind == "few":
        j = int(np.flatnonzero(ev.bad)[0])
        return (f"Only {int(ev.bad.sum())} of the {ev.size} entries of {ev.grad_name} are wrong, e.g. entry "
                f"{ev.index[j]}: analytic {ev.a[j]:.6g} vs numerical {ev.n[j]:.6g} (an indexing bug?).")
    if kind == "propagated":
        return f"{ev.grad_name} is wrong because the error of a higher layer propagates down to it."
    if kind == "undrilled":
        return f"{ev.grad_name} fails its random-direction check (not drilled into)."
    if kind == "unsampled":
        return (f"{ev.grad_name} fails the random-direction check, yet the {len(ev.a)} entries sampled agree: "
                f"a few entries are wrong (an indexing bug?).")
    j = int(np.argmax(np.abs(ev.a - ev.n)))
    return (f"{ev.grad_name} disagrees with the numerical gradient in no simple pattern; worst entry "
            f"{ev.index[j]}: analytic {ev.a[j]:.6g} vs numerical {ev.n[j]:.6g}.")


def _by_layer(verdicts):
    """dict layer -> [(name, verdict)], or None if a name has no layer number."""
    layers = {}
    for name, verdict in verdicts.items():
        layer = parse_layer(name)[1]
        if layer is None:
            return None
        layers.setdefault(layer, []).append((name, verdict))
    return layers


def pattern_top_layer(verdicts):
    """
    The layer l where an error enters the backward pass, if every block of
    the layers up to l is wrong (both W{l} and b{l} at layer l) and every
    block above is right; else None.

    Inputs:
    - verdicts: dict parameter name -> "ok" / "WRONG" / ...

    Returns:
    - l: int or None
    """
    layers = _by_layer(verdicts)
    if not layers or len(layers) < 2:
        return None
    order = sorted(layers)
    wrong = [l for l in order if any(v == "WRONG" for _, v in layers[l])]
    if not wrong:
        return None
    top = wrong[-1]
    above = [l for l in order if l > top]
    if wrong != [l for l in order if l <= top] or not above:
        return None
    if any(v != "WRONG" for _, v in layers[top]) or any(v != "ok" for l in above for _, v in layers[l]):
        return None
    return top


def layer_pattern(verdicts, causes, hints):
    """
    "Every layer up to l wrong, the layers above exact": a sentence, or None.

    Inputs:
    - verdicts: dict parameter name -> "ok" / "WRONG" / ...
    - causes: dict parameter name -> Cause for the failing blocks
    - hints: dict of optional hints

    Returns:
    - sentence or None when the failures do not form that pattern
    """
    top = pattern_top_layer(verdicts)
    if top is None:
        return None
    layers = _by_layer(verdicts)
    order = sorted(layers)
    first, nxt = order[0], next(l for l in order if l > top)
    span = f"layer {top}" if top == first else f"layers {first}-{top}"
    wrong = ["d" + name for l in order if l <= top for name, verdict in layers[l] if verdict == "WRONG"]
    head = (f"The gradients of {span} ({_join(wrong)}) are wrong while layer {nxt} and above are right, so the "
            f"error enters the backward pass at layer {top}")
    top_names = [name for name, _ in layers[top]]
    factors = [causes[name] for name in top_names]
    if all(c.kind in ("factor", "factor+wterm") for c in factors):
        ks = [c.k for c in factors]
        if max(ks) - min(ks) <= NAME_TOL * max(abs(k) for k in ks):
            what, why = factor_words(float(np.mean(ks)), hints)
            grads = ["d" + name for name in top_names]
            return f"{head} ({_join(grads)} {_is(grads)} {what}): {why}."
    kp = hints.get("keep_prob")
    if hints.get("activation") == "tanh":
        checks = [f"the tanh derivative dZ{top} = dA{top} * (1 - A{top} ** 2) (with A{top} = tanh(Z{top}))"]
    else:
        checks = [f"the ReLU derivative dZ{top} = dA{top} * (Z{top} > 0)"]
    if kp is None or kp != 1:
        checks.append(f"the dropout mask (dA{top} * D{top} / keep_prob, with the mask D{top} "
                      f"cached by the forward pass, not a new one)")
    checks.append(f"dA{top} = W{nxt}ᵀ · dZ{nxt}")
    return f"{head}: check {_join(checks)}."


def _group_key(c, name):
    # Blocks read together when one sentence fits them all: a common factor
    # (with or without an L2 part that scales differently), a common beta.
    if c.kind in ("factor", "factor+wterm"):
        return ("factor", float(f"{c.k:.3g}"))
    if c.kind == "wterm":
        return ("wterm", float(f"{c.beta:.3g}"))
    if c.kind == "transposed":
        return ("transposed",)
    return (c.kind, name)


def diagnose(evidence, verdicts, hints):
    """
    The diagnosis for a report with failing blocks.

    Inputs:
    - evidence: dict parameter name -> Evidence, for the failing blocks
    - verdicts: dict parameter name -> verdict, for all blocks
    - hints: dict with optional lambd, m, keep_prob

    Returns a tuple of:
    - diagnosis: one or two sentences
    - causes: dict parameter name -> one sentence for that block
    - findings: list of sentences, one per distinct cause, in the order
      of the parameters (the diagnosis quotes the first two)
    """
    causes = {name: explain(ev) for name, ev in evidence.items()}
    per_block = {name: group_sentence(c.kind, (c.k, c.beta), [evidence[name]], hints)
                 for name, c in causes.items()}
    pattern = layer_pattern(verdicts, causes, hints)
    if pattern:
        return pattern, per_block, [pattern]
    groups = {}
    for name, c in causes.items():
        groups.setdefault(_group_key(c, name), []).append(name)
    sentences = []
    for names in groups.values():
        kinds = {causes[n].kind for n in names}
        kind = "factor+wterm" if "factor+wterm" in kinds else kinds.pop()
        c = causes[names[0]]
        sentences.append(group_sentence(kind, (c.k, c.beta), [evidence[n] for n in names], hints))
    text = " ".join(sentences[:2])
    if len(sentences) > 2:
        rest = sum(len(names) for names in list(groups.values())[2:])
        text += f" ({rest} more block{'s' if rest > 1 else ''} wrong: see the table.)"
    return text, per_block, sentences
