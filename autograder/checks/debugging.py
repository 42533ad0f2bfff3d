"""Hidden tests of the debugging assignment, and its stored values.

Both graded functions are deterministic, so they are compared with the reference solutions
(autograder/solutions/debugging.py) on fresh random inputs: normalize_inputs on sets of several
sizes whose features have very different means and spreads, diagnose_bias_variance on a fresh
table of models that holds every diagnosis, with and without a base error, for several tolerances.
A wrong answer is explained with the sentences of course.checks.debugging, the words the visible
checks use: what each known mistake gives is computed here on the fresh inputs, and on the visible
checks' fixed examples it is stored (stored_values below, which autograder/stored_values.py writes
into course/data/stored_values.h5 under "debugging").
"""

import numpy as np

from autograder.solutions import debugging as reference
from course.checks import fail
from course.checks.debugging import (DIAGNOSES, KNOWN_DIAGNOSIS_MISTAKES, KNOWN_NORMALIZE_MISTAKES, REMEDIES, SETS,
                                     call_diagnose, call_normalize, explain_diagnoses, explain_normalized, same_sets)

# --- normalizing inputs --------------------------------------------------------------------------------

# (n_x, m_train, m_dev, m_test): the sizes of the sets differ, so statistics per example cannot pass
# for statistics per feature; one feature; as many examples as features in the training set.
NORMALIZE_SIZES = ((2, 30, 11, 17), (1, 12, 5, 9), (4, 4, 7, 6), (6, 25, 40, 8))


def random_sets(n_x, m_train, m_dev, m_test, rng):
    """X_train (n_x, m_train), X_dev, X_test drawn from one distribution whose features have spreads
    from 0.3 to 300 (one of them far from 1, so that dividing by the variance shows) and means up to
    20 spreads away from 0."""
    while True:
        sigma = 10 ** rng.uniform(-0.5, 2.5, size=(n_x, 1))
        if np.any(np.abs(np.log10(sigma)) > 0.4):
            break
    mu = sigma * rng.uniform(-20, 20, size=(n_x, 1))
    return tuple(mu + sigma * rng.standard_normal((n_x, m)) for m in (m_train, m_dev, m_test))


def right_normalized(X_train, X_dev, X_test):
    """The accepted answers: the reference's (spread dividing by m), and the same with the spread of
    np.std(..., ddof=1), dividing by m - 1, which is also a standard deviation."""
    first = reference.normalize_inputs(X_train, X_dev, X_test)
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True, ddof=1) if X_train.shape[1] > 1 else np.std(X_train, axis=1,
                                                                                                 keepdims=True)
    return [tuple(np.asarray(x, dtype=np.float64) for x in first), tuple((X - mu) / sigma for X in (X_train, X_dev, X_test))]


def normalize_mistakes(X_train, X_dev, X_test):
    """{name of KNOWN_NORMALIZE_MISTAKES: the three sets that mistake gives} (statistics per example
    of a single feature divide by 0: nan there, which matches nothing)."""
    with np.errstate(all="ignore"):
        return _normalize_mistakes(X_train, X_dev, X_test)


def _normalize_mistakes(X_train, X_dev, X_test):
    sets = (X_train, X_dev, X_test)

    def stats(X, axis=1):
        return np.mean(X, axis=axis, keepdims=True), np.std(X, axis=axis, keepdims=True)

    def apply(mu, sigma):
        return tuple((X - mu) / sigma for X in sets)

    mu, sigma = stats(X_train)
    low, high = np.min(X_train, axis=1, keepdims=True), np.max(X_train, axis=1, keepdims=True)
    right = apply(mu, sigma)
    values = {
        "test_statistics": apply(*stats(X_test)),
        "dev_statistics": apply(*stats(X_dev)),
        "pooled_statistics": apply(*stats(np.concatenate(sets, axis=1))),
        "own_statistics": tuple((X - m) / s for X in sets for m, s in [stats(X)]),
        "dev_test_unchanged": (right[0], X_dev, X_test),
        "dev_test_not_centered": (right[0], X_dev / sigma, X_test / sigma),
        "per_example": tuple((X - m) / s for X in sets for m, s in [stats(X, axis=0)]),
        "global_statistics": apply(np.mean(X_train), np.std(X_train)),
        "variance": apply(mu, sigma ** 2),
        "not_centered": apply(0.0, sigma),
        "not_scaled": apply(mu, 1.0),
        "min_max": apply(low, high - low),
    }
    assert sorted(values) == sorted(name for name, _ in KNOWN_NORMALIZE_MISTAKES)
    return values


def grade_normalize_inputs(normalize_inputs):
    """Hidden tests of normalize_inputs: the reference on fresh sets of several sizes."""
    __tracebackhide__ = True
    rng = np.random.default_rng()
    for sizes in NORMALIZE_SIZES:
        sets = random_sets(*sizes, rng)
        got = call_normalize(normalize_inputs, *sets)
        rights = right_normalized(*sets)
        if not any(same_sets(got, right) for right in rights):
            sentence, detail = explain_normalized(got, rights, normalize_mistakes(*sets))
            n_x, m_train, m_dev, m_test = sizes
            fail(f"normalize_inputs is wrong: {sentence} (on sets with n_x = {n_x}, m_train = {m_train}, "
                 f"m_dev = {m_dev}, m_test = {m_test}" + (f", {detail})." if detail else ")."))
    print("\u2714 hidden tests passed")


# --- bias and variance ------------------------------------------------------------------------------------

def _row(rng, kind, base_given):
    """One model (train, dev, base, tolerance) of a kind: "bias", "variance", "both" or "neither",
    with every gap at least half a tolerance away from the tolerance (a model on the edge has no
    clear diagnosis, and > or >= must not matter)."""
    tolerance = float(rng.choice([0.01, 0.02, 0.03, 0.05]))
    base = float(np.round(rng.uniform(0.02, 0.2), 3)) if base_given else 0.0
    high, low = rng.uniform(1.5, 6) * tolerance, rng.uniform(-0.5, 0.5) * tolerance
    bias = high if kind in ("bias", "both") else abs(low)
    variance = high if kind in ("variance", "both") else low
    train = base + bias
    return (round(train, 4), round(train + variance, 4), base, tolerance)


def random_table(rng):
    """A fresh table of 24 models, (24, 4) rows (train, dev, base, tolerance): three of each kind with
    and without a base error, then the cases that tell the known mistakes apart: small errors (ratios
    are large), a tolerance of 0.05 with gaps of 0.03, a base error larger than the tolerance with no
    avoidable bias, and a dev error well below the training error."""
    rows = [_row(rng, kind, base_given) for kind in ("bias", "variance", "both", "neither")
            for base_given in (False, True) for _ in range(2)]
    tolerance = 0.02
    small = float(np.round(rng.uniform(0.002, 0.006), 3))
    rows += [(small, round(2.5 * small, 4), 0.0, tolerance),
             (0.03, round(0.03 + rng.uniform(0.02, 0.04), 4), 0.0, 0.05),
             (round(rng.uniform(0.02, 0.045), 3), 0.06, 0.0, 0.05),
             (0.12, 0.125, 0.11, tolerance),
             (0.2, round(rng.uniform(0.2, 0.21), 3), 0.19, tolerance),
             (round(rng.uniform(0.15, 0.2), 3), 0.05, 0.0, tolerance),
             (0.1, 0.03, 0.08, 0.01),
             (0.25, round(rng.uniform(0.33, 0.4), 3), 0.1, 0.05)]
    order = rng.permutation(len(rows))
    return np.array(rows, dtype=np.float64)[order]


def _diagnosis(high_bias, high_variance):
    if high_bias and high_variance:
        return "both"
    return "high bias" if high_bias else "high variance" if high_variance else "neither"


def _remedy(high_bias, high_variance):
    return "bigger network" if high_bias else "more data" if high_variance else "none"


def _codes(diagnosis, remedy):
    return DIAGNOSES.index(diagnosis), REMEDIES.index(remedy)


def right_diagnoses(table):
    """(k, 2) codes (index in DIAGNOSES, index in REMEDIES) of the reference's answers."""
    return np.array([_codes(*reference.diagnose_bias_variance(*(float(v) for v in row))) for row in table])


def diagnosis_mistakes(table):
    """{name of KNOWN_DIAGNOSIS_MISTAKES: (k, 2) codes that mistake gives on the table}."""
    def rule(gaps, diagnose=_diagnosis, remedy=_remedy):
        codes = []
        for train, dev, base, tolerance in table:
            high_bias, high_variance = gaps(train, dev, base, tolerance)
            codes.append(_codes(diagnose(high_bias, high_variance), remedy(high_bias, high_variance)))
        return np.array(codes)

    def only_first(first):
        def diagnose(high_bias, high_variance):
            if high_bias and high_variance:
                return first
            return _diagnosis(high_bias, high_variance)
        return diagnose

    values = {
        "base_ignored": rule(lambda t, d, b, tol: (t > tol, d - t > tol)),
        "variance_from_base": rule(lambda t, d, b, tol: (t - b > tol, d - b > tol)),
        "bias_from_dev": rule(lambda t, d, b, tol: (d - b > tol, d - t > tol)),
        "labels_swapped": rule(lambda t, d, b, tol: (d - t > tol, t - b > tol)),
        "both_as_bias": rule(lambda t, d, b, tol: (t - b > tol, d - t > tol), diagnose=only_first("high bias")),
        "both_as_variance": rule(lambda t, d, b, tol: (t - b > tol, d - t > tol),
                                 diagnose=only_first("high variance"),
                                 remedy=lambda hb, hv: "more data" if hv else _remedy(hb, hv)),
        "tolerance_ignored": rule(lambda t, d, b, tol: (t - b > 0.02, d - t > 0.02)),
        "ratio": rule(lambda t, d, b, tol: (t / max(b, 1e-12) > 1 + tol if b > 0 else t > tol,
                                            d / max(t, 1e-12) > 1 + tol)),
        "absolute_gap": rule(lambda t, d, b, tol: (abs(t - b) > tol, abs(d - t) > tol)),
        "percent": rule(lambda t, d, b, tol: (100 * (t - b) > tol, 100 * (d - t) > tol)),
        "variance_first": rule(lambda t, d, b, tol: (t - b > tol, d - t > tol),
                               remedy=lambda hb, hv: "more data" if hv else _remedy(hb, hv)),
        "remedies_swapped": rule(lambda t, d, b, tol: (t - b > tol, d - t > tol),
                                 remedy=lambda hb, hv: "more data" if hb else "bigger network" if hv else "none"),
    }
    assert sorted(values) == sorted(name for name, _ in KNOWN_DIAGNOSIS_MISTAKES)
    return values


def grade_diagnose_bias_variance(diagnose_bias_variance):
    """Hidden tests of diagnose_bias_variance: the reference on a fresh table of models."""
    __tracebackhide__ = True
    table = random_table(np.random.default_rng())
    got = np.array([call_diagnose(diagnose_bias_variance, row) for row in table])
    right = right_diagnoses(table)
    if not np.array_equal(got, right):
        sentence, _ = explain_diagnoses(table, got, right, diagnosis_mistakes(table))
        fail(f"diagnose_bias_variance is wrong: {sentence}.")
    print("\u2714 hidden tests passed")


# --- the stored values of the visible checks ------------------------------------------------------------

def _wave(shape, frequency, scale, offset=0.0):
    return offset + scale * np.sin(frequency * np.arange(1, int(np.prod(shape)) + 1)).reshape(shape)


def fixed_sets():
    """The visible check's X_train (3, 6), X_dev (3, 4), X_test (3, 5), without random numbers: the
    features' means (500, 0.5, -3) and spreads (300, 0.3, 2) differ as raw measurements do."""
    offsets, scales = np.array([[500.0], [0.5], [-3.0]]), np.array([[300.0], [0.3], [2.0]])
    return tuple(offsets + scales * _wave((3, m), frequency, 1.0) for m, frequency in ((6, 1.3), (4, 2.1), (5, 0.9)))


# The visible check's table: (train, dev, base, tolerance), every diagnosis with and without a base
# error, and rows that tell every known mistake apart from the right answer.
FIXED_TABLE = (
    (0.01, 0.11, 0.0, 0.02), (0.15, 0.16, 0.0, 0.02), (0.15, 0.30, 0.0, 0.02), (0.005, 0.01, 0.0, 0.02),
    (0.15, 0.16, 0.14, 0.02), (0.15, 0.16, 0.05, 0.02), (0.08, 0.09, 0.02, 0.05), (0.03, 0.07, 0.0, 0.05),
    (0.2, 0.05, 0.0, 0.02), (0.25, 0.40, 0.10, 0.05), (0.02, 0.06, 0.0, 0.01), (0.12, 0.121, 0.11, 0.02),
)


def stored_values():
    """The "debugging" group of course/data/stored_values.h5 (nested dicts of arrays):

    normalize_inputs/example/X_train: (3, 6), X_dev: (3, 4), X_test: (3, 5), the fixed sets
    normalize_inputs/right/ddof0/train, dev, test: the reference's normalized sets; ddof1/...: the
    same with the spread of np.std(ddof=1), also accepted
    normalize_inputs/mistakes/<name>/train, dev, test: what each known mistake gives
    diagnose_bias_variance/table: (12, 4) rows (train, dev, base, tolerance)
    diagnose_bias_variance/right: (12, 2) int64 (index in DIAGNOSES, index in REMEDIES)
    diagnose_bias_variance/mistakes/<name>: (12, 2) int64, what each known mistake gives
    """
    sets = fixed_sets()
    rights = right_normalized(*sets)
    table = np.array(FIXED_TABLE, dtype=np.float64)
    return {
        "normalize_inputs": {
            "example": {f"X_{name}": X for name, X in zip(SETS, sets)},
            "right": {f"ddof{k}": dict(zip(SETS, right)) for k, right in enumerate(rights)},
            "mistakes": {name: dict(zip(SETS, values)) for name, values in normalize_mistakes(*sets).items()}},
        "diagnose_bias_variance": {
            "table": table,
            "right": right_diagnoses(table).astype(np.int64),
            "mistakes": {name: codes.astype(np.int64) for name, codes in diagnosis_mistakes(table).items()}},
    }


# --- layer-by-layer comparison ---

from course.checks.debugging import KINDS, call_first_difference, explain_difference  # noqa: E402

ROUND_OFF = 1e-12


def _array(rng, shape, scale, positive, near_zero=False):
    """Entries of size scale * [0.5, 2] (nonnegative for activations, either sign for gradients), about
    a quarter of them exactly 0 (dead ReLU units) but never all; with near_zero, two entries are
    scale * 1e-9, what a cancellation leaves."""
    values = scale * rng.uniform(0.5, 2.0, size=shape)
    if not positive:
        values *= rng.choice([-1.0, 1.0], size=shape)
    values *= rng.random(shape) >= 0.25
    flat = values.reshape(-1)
    keep = int(rng.integers(flat.size))
    flat[keep] = scale * rng.uniform(0.5, 2.0)
    if near_zero:
        others = [i for i in range(flat.size) if i != keep]
        for i in rng.choice(others, size=min(2, len(others)), replace=False):
            flat[i] = scale * 1e-9 * rng.choice([-1.0, 1.0] if not positive else [1.0])
    return values


def round_off(rng, a):
    """a with round-off: every nonzero entry moved by 0.5 to 1 times 1e-12 of the array's largest entry
    (what another order of the same operations gives); exact zeros stay 0."""
    step = ROUND_OFF * np.max(np.abs(a)) * rng.uniform(0.5, 1.0, size=a.shape) * rng.choice([-1.0, 1.0], size=a.shape)
    return a + step * (a != 0)


def changed(rng, a):
    """a with a real difference: every entry scaled by 1.06 to 1.3 and every exact 0 of it a small positive value
    (||a - b|| is at least 6 % of ||a||, and the sum, mean and norm change as much)."""
    return a * (1 + 0.3 * rng.uniform(0.2, 1.0, size=a.shape)) + (a == 0) * 0.1 * np.max(np.abs(a))


def permuted(rng, a, axis):
    """a with its rows (axis 0) or columns (axis 1) in another order that moves at least 10 % of its norm,
    or None when 20 orders did not (rows or columns too much alike: draw another array)."""
    for _ in range(20):
        b = np.take(a, rng.permutation(a.shape[axis]), axis=axis)
        if np.linalg.norm(a - b) > 0.1 * np.linalg.norm(a):
            return b
    return None


def gradient_names(L):
    """dWL, dbL, ..., dW1, db1: the order of the backward search."""
    return [f"d{p}{l}" for l in range(L, 0, -1) for p in ("W", "b")]


def make_record(rng, kind, L=None):
    """One record of a kind (course.checks.debugging.KINDS): the two implementations' activations
    [A1..AL] and gradients {dW1, db1, ...}, on a network of L layers (fresh sizes), with "layer" the
    planted layer (0 if none) and "scale" the typical size of the planted or scaled arrays."""
    L = L or int(rng.integers(4, 7))
    n = [int(v) for v in rng.integers(2, 7, size=L + 1)]
    m = int(rng.integers(3, 9))
    scales = {f"A{l}": 10 ** rng.uniform(-1, 1) for l in range(1, L + 1)}
    scales.update({name: 10 ** rng.uniform(-1, 1) for name in gradient_names(L)})
    near_zero, k, scale, rtol = False, 0, 1.0, 1e-5
    if kind in ("round_off_large", "round_off_large_near_zero"):
        for name in (f"A{rng.integers(1, L + 1)}", str(rng.choice(gradient_names(L)))):
            scales[name] = scale = 10 ** rng.uniform(9, 10)
    near_zero = kind in ("round_off_near_zero", "round_off_large_near_zero")
    # The planted layer: 2 <= k <= L - 2 where the layers after it differ too (so that the last
    # difference, k - 1 and k + 1 are three other answers), never L but in the kinds for the last layer
    # (so that skipping the last layer is named there only).
    if kind == "forward":
        k = int(rng.integers(2, L - 1))
    elif kind == "backward":
        k = int(rng.integers(3, L))
    elif kind in ("forward_last", "backward_last"):
        k = L
    elif kind == "rtol_loose":
        k = int(rng.integers(1, L + 1))
    elif kind != "identical" and not kind.startswith("round_off"):
        k = int(rng.integers(1, L))
    if kind == "forward_small":
        for l in range(k, L + 1):
            scales[f"A{l}"] = scale = 10 ** rng.uniform(-10, -9)
    shapes = {f"A{l}": (n[l], m) for l in range(1, L + 1)}
    shapes.update({f"dW{l}": (n[l], n[l - 1]) for l in range(1, L + 1)})
    shapes.update({f"db{l}": (n[l], 1) for l in range(1, L + 1)})
    a = {name: _array(rng, shapes[name], scales[name], name.startswith("A"), near_zero) for name in shapes}
    b = {name: value.copy() if kind == "identical" else round_off(rng, value) for name, value in a.items()}
    if kind in ("forward", "forward_small"):
        for name in [f"A{l}" for l in range(k, L + 1)] + gradient_names(L):
            b[name] = changed(rng, a[name])
    elif kind in ("forward_permuted", "backward_permuted"):
        name, axis = (f"A{k}", 1) if kind == "forward_permuted" else (f"dW{k}", 0)
        while (b_name := permuted(rng, a[name], axis)) is None:
            a[name] = _array(rng, shapes[name], scales[name], name.startswith("A"))
        b[name] = b_name
    elif kind == "forward_last":
        b[f"A{L}"] = changed(rng, a[f"A{L}"])
    elif kind in ("backward", "backward_last"):
        for name in gradient_names(L)[2 * (L - k):]:
            b[name] = changed(rng, a[name])
    elif kind == "backward_bias":
        b[f"db{k}"] = changed(rng, a[f"db{k}"])
    elif kind == "backward_sign":
        W = a[f"dW{k}"].copy()
        rows = np.flatnonzero(np.any(W != 0, axis=1))
        W[rows[:max(1, len(rows) // 2)]] *= -1
        b[f"dW{k}"] = W
    elif kind == "rtol_loose":
        b[f"A{k}"] = a[f"A{k}"] * (1 + 1e-4)
        rtol = 1e-3
    record = {"kind": kind, "layer": k, "scale": float(scale), "rtol": rtol,
              "activations_a": [a[f"A{l}"] for l in range(1, L + 1)],
              "activations_b": [b[f"A{l}"] for l in range(1, L + 1)],
              "grads_a": {name: a[name] for name in sorted(gradient_names(L), key=lambda s: (s[2:], s[1]))},
              "grads_b": {name: b[name] for name in sorted(gradient_names(L), key=lambda s: (s[2:], s[1]))}}
    record["right"] = reference.first_difference(record["activations_a"], record["activations_b"],
                                                 record["grads_a"], record["grads_b"], rtol)
    return record


def make_records(rng):
    """A fresh battery: one record of every kind, in the order of KINDS."""
    return [make_record(rng, kind) for kind in KINDS]


def grade_first_difference(first_difference):
    """Hidden tests of first_difference: the reference on a fresh record of every kind."""
    __tracebackhide__ = True
    for record in make_records(np.random.default_rng()):
        got = call_first_difference(first_difference, record)
        if got != record["right"]:
            fail(f"first_difference is wrong: {explain_difference(record, got, record['right'])}.")
    print("\u2714 hidden tests passed")


def encode_answer(answer):
    """The stored code of an answer (course.checks.debugging.decode_answer reads it)."""
    if answer is None:
        return np.array([0, 0, 0], dtype=np.int64)
    if answer[0] == "forward":
        return np.array([1, answer[1], 0], dtype=np.int64)
    return np.array([2, int(answer[1][2:]), int(answer[1][1] == "b")], dtype=np.int64)


def first_difference_values():
    """The "debugging/first_difference" group: records/<i>/kind (index in KINDS), layer, scale, rtol,
    activations_a/<l>, activations_b/<l> (l = 1..L), grads_a/<name>, grads_b/<name>, right (the
    reference's answer, coded by encode_answer), one record of every kind drawn once from a fixed seed."""
    rng = np.random.default_rng(18)
    records = {}
    for i, kind in enumerate(KINDS):
        record = make_record(rng, kind, L=5)
        records[str(i)] = {
            "kind": np.int64(KINDS.index(kind)), "layer": np.int64(record["layer"]),
            "scale": np.float64(record["scale"]), "rtol": np.float64(record["rtol"]),
            "activations_a": {str(l): A for l, A in enumerate(record["activations_a"], start=1)},
            "activations_b": {str(l): A for l, A in enumerate(record["activations_b"], start=1)},
            "grads_a": record["grads_a"], "grads_b": record["grads_b"],
            "right": encode_answer(record["right"])}
    return {"records": records}


_stored_values_without_first_difference = stored_values


def stored_values():  # noqa: F811 - the group above, and first_difference's
    """The "debugging" group of course/data/stored_values.h5: the groups above (see their docstring), and
    first_difference/... (first_difference_values)."""
    values = _stored_values_without_first_difference()
    values["first_difference"] = first_difference_values()
    return values
