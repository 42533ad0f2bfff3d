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

from autograder.checks import hidden_tests_passed
from autograder.solutions import debugging as reference
from course.checks import fail
from course.checks.debugging import (
    ACTIVATIONS,
    DIAGNOSES,
    FRACTION_ATOL,
    HEALTH_FIELDS,
    HEALTH_PLANTS,
    KINDS,
    KNOWN_DIAGNOSIS_MISTAKES,
    KNOWN_HEALTH_MISTAKES,
    KNOWN_NORMALIZE_MISTAKES,
    KNOWN_TINY_MISTAKES,
    RATIO_RTOL,
    REMEDIES,
    SETS,
    TINY_DEFAULTS,
    TINY_IMPLEMENTATIONS,
    call_diagnose,
    call_first_difference,
    call_health,
    call_normalize,
    call_overfit,
    explain_diagnoses,
    explain_difference,
    explain_health,
    explain_normalized,
    explain_tiny,
    same_field,
    same_report,
    same_sets,
    same_tiny_results,
    tiny_call,
)
from course.network import cross_entropy_from_logits as _cross_entropy
from course.network import forward_propagation as _forward
from course.tiny_set import IMPLEMENTATIONS as _IMPLEMENTATIONS

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
    hidden_tests_passed()


# --- bias and variance ------------------------------------------------------------------------------------

def _row(rng, kind, base_given):
    """One model (train, dev, base, tolerance) of a kind: "bias", "variance", "both" or "neither",
    with every gap at least half a tolerance away from the tolerance (a model on the edge has no
    clear diagnosis, and > or >= must not matter)."""
    tolerance = float(rng.choice([0.01, 0.02, 0.03, 0.05]))
    base = float(np.round(rng.uniform(0.02, 0.2), 3)) if base_given else 0.0
    # A low gap is at least a tenth of the tolerance: a training error is never 0 (a ratio of errors
    # would divide by it), and a gap in percent never lands on the tolerance itself.
    high, low = rng.uniform(1.5, 6) * tolerance, rng.choice([-1, 1]) * rng.uniform(0.1, 0.5) * tolerance
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
    hidden_tests_passed()


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
    gradient_health/...: see health_values
    overfit_tiny_set/...: see tiny_stored_values
    first_difference/...: see first_difference_values
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
        "gradient_health": health_values(),
        "overfit_tiny_set": tiny_stored_values(),
        "first_difference": first_difference_values(),
    }


# --- gradient health report ---
# Compared with the reference on fresh random networks: 4 to 6 layers of relu, sigmoid and tanh units (a
# sigmoid output), weights of very different scales, gradients from 1e-4 to 100 times their weights, and
# planted at random layers: a nan in dW, an inf in dW, a nan or inf in db, a layer whose gradients are all 0,
# a layer whose db alone is 0, and dead units (rows of 0) in a dW. A draw on which some known mistake
# would give the right report is drawn again, so every mistake fails on every draw.


HEALTH_THRESHOLDS = (2.0, 2.5, 3.0, 5.0, 6.0)
# The plants, each at a random layer (several may share one).
PLANTS = ("nan_dW", "inf_dW", "nonfinite_db", "all_zero", "db_zero", "dead_units")


def _apply(activation, Z):
    return np.maximum(Z, 0) if activation == "relu" else np.tanh(Z) if activation == "tanh" else \
        0.5 * (1 + np.tanh(0.5 * Z))


def network_problem(parameters, grads, cache, activations, threshold):
    return {"parameters": parameters, "grads": grads, "cache": cache, "activations": list(activations),
            "threshold": float(threshold)}


def random_health_problem(rng):
    """A fresh problem (dict of gradient_health's arguments) on which every known mistake changes the report, and
    no two known mistakes of one field give the same values (so each is named by its own sentence)."""
    fields = {name: field for name, field, _ in KNOWN_HEALTH_MISTAKES}
    while True:
        problem = _random_health_problem(rng)
        right = right_health(problem)
        mistakes = health_mistakes(problem)
        if any(_coincides(name, mistakes[name], right) for name in mistakes):
            continue
        finite = ~right["nan_or_inf"]
        names = [name for name in mistakes if name != "reversed"]
        if not any(fields[a] == fields[b] and _close(fields[a], mistakes[a], mistakes[b], finite)
                   for i, a in enumerate(names) for b in names[i + 1:]):
            return problem


def _close(field, got, want, finite):
    """Whether two values of one field agree within 100 times the checks' tolerances."""
    if field == "ratio":
        return bool(np.all(np.isclose(got[finite], want[finite], rtol=100 * RATIO_RTOL, atol=0, equal_nan=True)))
    if field == "saturated":
        return bool(np.array_equal(np.isnan(got), np.isnan(want))
                    and np.all(np.abs(np.nan_to_num(got) - np.nan_to_num(want)) <= 100 * FRACTION_ATOL))
    return same_field(field, got, want, finite)


def _coincides(name, values, right):
    """Whether a mistake's values are as good as right (within 100 times the checks' tolerances)."""
    if name == "reversed":
        return same_report(values, right)
    field = {n: f for n, f, _ in KNOWN_HEALTH_MISTAKES}[name]
    return _close(field, values, right[field], ~right["nan_or_inf"])


def _random_health_problem(rng):
    L = int(rng.integers(4, 7))
    m = int(rng.integers(6, 16))
    sizes = [int(rng.integers(2, 7))] + [int(rng.integers(2, 9)) for _ in range(L - 1)] + [1]
    hidden = ["relu", "tanh"] + [str(rng.choice(ACTIVATIONS)) for _ in range(L - 3)]
    activations = [hidden[i] for i in rng.permutation(L - 1)] + ["sigmoid"]
    threshold = float(rng.choice(HEALTH_THRESHOLDS))
    A = rng.standard_normal((sizes[0], m))
    parameters, grads, cache = {}, {}, {}
    for l in range(1, L + 1):
        # Z[l] spreads from 0.3 to 3 thresholds, so that some layers saturate and some do not.
        W = rng.standard_normal((sizes[l], sizes[l - 1]))
        b = 0.3 * rng.standard_normal((sizes[l], 1))
        Z = W @ A + b
        scale = threshold * 10 ** rng.uniform(-0.5, 0.5) / max(float(np.std(Z)), 1e-3)
        W, b, Z = W * scale, b * scale, Z * scale
        A = _apply(activations[l - 1], Z)
        parameters[f"W{l}"], parameters[f"b{l}"] = W, b
        cache[f"Z{l}"], cache[f"A{l}"] = Z, A
    for l in range(L, 0, -1):          # backpropagation's order: the last layer first, with dZ and dA
        W = parameters[f"W{l}"]
        ratio = 10 ** (rng.uniform(-4, -1.5) if rng.random() < 0.7 else rng.uniform(0.5, 2))
        dW = rng.standard_normal(W.shape) * ratio * np.linalg.norm(W) / np.sqrt(W.size)
        grads[f"dZ{l}"] = rng.standard_normal((sizes[l], m))
        grads[f"dW{l}"] = dW
        grads[f"db{l}"] = rng.standard_normal((sizes[l], 1)) * ratio
        if l > 1:
            grads[f"dA{l - 1}"] = rng.standard_normal((sizes[l - 1], m))
    for plant in ("dead_units", "db_zero", "all_zero", "nan_dW", "inf_dW", "nonfinite_db"):
        l = int(rng.integers(1, L + 1))
        dW, db = grads[f"dW{l}"], grads[f"db{l}"]
        if plant == "dead_units":
            rows = rng.random(dW.shape[0]) < 0.4
            rows[rng.integers(dW.shape[0])] = True
            if dW.shape[0] > 1 and rows.all():
                rows[rng.integers(dW.shape[0])] = False
            if dW.shape[0] == 1:
                dW[0, rng.integers(dW.shape[1])] = 0.0
            else:
                dW[rows] = 0.0
                db[rows] = 0.0
        elif plant == "db_zero":
            db[:] = 0.0
        elif plant == "all_zero":
            dW[:], db[:] = 0.0, 0.0
        else:
            target = db if plant == "nonfinite_db" else dW
            value = np.nan if plant == "nan_dW" else np.inf if plant == "inf_dW" else \
                float(rng.choice([np.nan, np.inf, -np.inf]))
            if plant == "inf_dW":
                value = float(rng.choice([np.inf, -np.inf]))
            target[np.unravel_index(int(rng.integers(target.size)), target.shape)] = value
    return network_problem(parameters, grads, cache, activations, threshold)


def health_arrays(report):
    """A report (list of L dicts) as {field: (L,) array}: saturated nan for None."""
    return {"ratio": np.array([float(r["ratio"]) for r in report]),
            "zero": np.array([bool(r["zero"]) for r in report]),
            "nan_or_inf": np.array([bool(r["nan_or_inf"]) for r in report]),
            "saturated": np.array([np.nan if r["saturated"] is None else float(r["saturated"]) for r in report])}


def right_health(problem):
    with np.errstate(all="ignore"):
        return health_arrays(reference.gradient_health(**{k: problem[k] for k in
                                                         ("parameters", "grads", "cache", "activations",
                                                          "threshold")}))


def health_mistakes(problem):
    """{name of KNOWN_HEALTH_MISTAKES: the (L,) values of its field ({field: (L,)} for "reversed")}."""
    with np.errstate(all="ignore"):
        return _health_mistakes(problem)


def _health_mistakes(problem):
    parameters, grads, cache = problem["parameters"], problem["grads"], problem["cache"]
    activations, threshold = problem["activations"], problem["threshold"]
    L = len(activations)
    Ws = [parameters[f"W{l}"] for l in range(1, L + 1)]
    dWs = [grads[f"dW{l}"] for l in range(1, L + 1)]
    dbs = [grads[f"db{l}"] for l in range(1, L + 1)]
    Zs = [cache[f"Z{l}"] for l in range(1, L + 1)]
    As = [cache[f"A{l}"] for l in range(1, L + 1)]
    finite = [bool(np.all(np.isfinite(dW))) for dW in dWs]
    norm = np.linalg.norm

    def per_layer(f):
        return np.array([float(f(i)) for i in range(L)])

    def saturation(f, relu_too=False):
        return np.array([np.nan if activations[i] == "relu" and not relu_too else float(f(i)) for i in range(L)])

    right = right_health(problem)
    values = {
        "reversed": {field: right[field][::-1] for field in HEALTH_FIELDS},
        "inverted": per_layer(lambda i: norm(Ws[i]) / norm(dWs[i])),
        "sums": per_layer(lambda i: np.sum(dWs[i]) / np.sum(Ws[i])),
        "absolute_sums": per_layer(lambda i: np.sum(np.abs(dWs[i])) / np.sum(np.abs(Ws[i]))),
        "spectral": per_layer(lambda i: norm(dWs[i], 2) / norm(Ws[i], 2) if finite[i] else np.nan),
        "squared": per_layer(lambda i: np.sum(dWs[i] ** 2) / np.sum(Ws[i] ** 2)),
        "layers_paired_by_position": per_layer(lambda i: norm(dWs[L - 1 - i]) / norm(Ws[i])),
        "any_zero": per_layer(lambda i: np.any(dWs[i] == 0) or np.any(dbs[i] == 0)).astype(bool),
        "zero_bias_ignored": per_layer(lambda i: not np.any(dWs[i])).astype(bool),
        "nan_only": per_layer(lambda i: np.any(np.isnan(dWs[i])) or np.any(np.isnan(dbs[i]))).astype(bool),
        "inf_only": per_layer(lambda i: np.any(np.isinf(dWs[i])) or np.any(np.isinf(dbs[i]))).astype(bool),
        "nan_or_inf_bias_ignored": per_layer(lambda i: not np.all(np.isfinite(dWs[i]))).astype(bool),
        "on_activations": saturation(lambda i: np.mean(np.abs(As[i]) > threshold)),
        "no_abs": saturation(lambda i: np.mean(Zs[i] > threshold)),
        "count": saturation(lambda i: np.sum(np.abs(Zs[i]) > threshold)),
        "threshold_4": saturation(lambda i: np.mean(np.abs(Zs[i]) > 4)),
        "relu_measured": saturation(lambda i: np.mean(np.abs(Zs[i]) > threshold), relu_too=True),
    }
    assert sorted(values) == sorted(name for name, _, _ in KNOWN_HEALTH_MISTAKES)
    return values


def grade_gradient_health(gradient_health):
    """Hidden tests of gradient_health: the reference on three fresh random networks."""
    __tracebackhide__ = True
    rng = np.random.default_rng()
    for _ in range(3):
        problem = random_health_problem(rng)
        got = call_health(gradient_health, problem["parameters"], problem["grads"], problem["cache"],
                          problem["activations"], problem["threshold"])
        right = right_health(problem)
        if not same_report(got, right):
            sentence, detail = explain_health(got, right, health_mistakes(problem))
            L = len(problem["activations"])
            fail(f"gradient_health is wrong: {sentence} (on a network of {L} layers, "
                 f"{', '.join(problem['activations'])}, threshold {problem['threshold']:g}"
                 + (f", {detail})." if detail else ")."))
    hidden_tests_passed()


def fixed_health_problem(planted=True):
    """The visible check's network, without random numbers: 5 layers (tanh, relu, tanh, relu, sigmoid),
    threshold 3; a nan in dW1, an inf in db2 only, two dead units in layer 3, layer 4 exploding (its gradient
    50 times its weights), a -inf in dW5 and db5 all 0."""
    sizes, m = (3, 5, 4, 4, 3, 1), 8
    activations = ["tanh", "relu", "tanh", "relu", "sigmoid"]
    threshold = 3.0
    A = _wave((sizes[0], m), 1.3, 1.0)
    parameters, grads, cache = {}, {}, {}
    z_scales = (6.0, 4.0, 1.5, 5.0, 4.0)
    ratios = (1e-3, 30.0, 2e-2, 50.0, 5e-4)
    L = len(activations)
    for l in range(1, L + 1):
        W = _wave((sizes[l], sizes[l - 1]), 0.7 + 0.3 * l, 1.0)
        b = _wave((sizes[l], 1), 1.9 + l, 0.3)
        Z = W @ A + b
        scale = z_scales[l - 1] / float(np.std(Z))
        W, b, Z = W * scale, b * scale, Z * scale
        A = _apply(activations[l - 1], Z)
        parameters[f"W{l}"], parameters[f"b{l}"] = W, b
        cache[f"Z{l}"], cache[f"A{l}"] = Z, A
    for l in range(L, 0, -1):
        W = parameters[f"W{l}"]
        grads[f"dW{l}"] = _wave(W.shape, 2.3 + l, ratios[l - 1] * np.linalg.norm(W) / np.sqrt(W.size))
        grads[f"db{l}"] = _wave((sizes[l], 1), 0.4 + l, ratios[l - 1])
    grads["dW3"][[0, 2]] = 0.0                     # layer 3: two dead units
    grads["db3"][[0, 2]] = 0.0
    grads["db5"][:] = 0.0                          # layer 5: db all 0
    if planted:                                    # nan in dW1, inf in db2 only, -inf in dW5
        for key, row, column, value in HEALTH_PLANTS:
            grads[key][row, column] = value
    return network_problem(parameters, grads, cache, activations, threshold)


def health_values():
    """The "gradient_health" entry of the debugging group (no inf anywhere: the visible check puts the nan and
    inf of HEALTH_PLANTS into the gradients, and the ratios of layers whose gradients are not finite, which are
    not compared, are stored as nan):

    example/L: L = 5, example/activations: (L,) int64 indices into ACTIVATIONS, example/threshold: 3.0,
    example/parameters/W1, b1, ..., example/grads/dW1, db1, ... (before HEALTH_PLANTS), example/cache/Z1, A1, ...
    right/ratio, saturated: (L,) float64 (saturated nan for a relu layer's None), right/zero, nan_or_inf: (L,)
    int64 0/1
    mistakes/<name>: (L,) the values of the field each known mistake changes; mistakes/reversed/<field>: (L,)
    """
    problem = fixed_health_problem()
    right = right_health(problem)
    finite = ~right["nan_or_inf"]
    L = len(problem["activations"])
    fields = {name: field for name, field, _ in KNOWN_HEALTH_MISTAKES}

    def stored_field(field, values):
        if field == "ratio":
            return np.where(finite, np.asarray(values, dtype=np.float64), np.nan)
        return np.asarray(values, dtype=np.int64 if field in ("zero", "nan_or_inf") else np.float64)

    def stored(values):
        return {field: stored_field(field, values[field]) for field in HEALTH_FIELDS}

    mistakes = {name: stored(values) if name == "reversed" else stored_field(fields[name], values)
                for name, values in health_mistakes(problem).items()}
    unplanted = fixed_health_problem(planted=False)
    values = {
        "example": {"L": np.int64(L),
                    "activations": np.array([ACTIVATIONS.index(a) for a in problem["activations"]], dtype=np.int64),
                    "threshold": np.float64(problem["threshold"]),
                    "parameters": unplanted["parameters"],
                    "grads": {key: value for key, value in unplanted["grads"].items() if key[:2] in ("dW", "db")},
                    "cache": unplanted["cache"]},
        "right": stored(right),
        "mistakes": mistakes,
    }
    return values


# --- layer-by-layer comparison ---


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
    hidden_tests_passed()


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
# --- overfit a tiny set ---------------------------------------------------------------------------------

# The arguments the hidden tests draw from: never the signature's defaults, so that an argument left
# unused shows on every draw.
TINY_ITERATIONS = (200, 250, 400)
TINY_LEARNING_RATES = (0.3, 0.7, 1.0)


def random_tiny_set(rng):
    """X (n_x, m) and Y (1, m) of a fresh tiny problem, and k: 2 or 3 features, 12 to 20 examples, the
    first k (4 to 8) holding both classes; the next example, the last k and all m differ from them."""
    n_x, m, k = int(rng.integers(2, 4)), int(rng.integers(12, 21)), int(rng.integers(4, 9))
    X = rng.standard_normal((n_x, m))
    while True:
        Y = rng.integers(0, 2, size=(1, m)).astype(np.int64)
        if 0 < Y[0, :k - 1].sum() < k - 1:
            return X, Y, k


def tiny_plan(rng):
    """A fresh list of calls (X, Y, k, implementation, num_iterations, learning_rate, above): two tiny
    sets, each trained with the three implementations; `above` says whether the tolerance will be set
    above the right cost (reached) or below it (not reached), each implementation getting both."""
    calls = []
    for above in ((True, True, False), (False, False, True)):
        X, Y, k = random_tiny_set(rng)
        for implementation, up in zip(TINY_IMPLEMENTATIONS, above):
            calls.append((X, Y, k, implementation, int(rng.choice(TINY_ITERATIONS)),
                          float(rng.choice(TINY_LEARNING_RATES)), up))
    return calls


def tiny_answers(X, Y, k, implementation, num_iterations, learning_rate, tolerance, mistake=None):
    """(cost, reached) of the reference, or of the known mistake `mistake` (a name of KNOWN_TINY_MISTAKES)."""
    if mistake is None:
        return reference.overfit_tiny_set(X, Y, k, implementation, num_iterations, learning_rate, tolerance)
    columns = {"all_examples": slice(None), "k_plus_one": slice(0, k + 1), "k_minus_one": slice(0, k - 1),
               "last_k": slice(X.shape[1] - k, None)}.get(mistake, slice(0, k))
    implementation = "A" if mistake == "implementation_ignored" else implementation
    num_iterations = TINY_DEFAULTS["num_iterations"] if mistake == "iterations_ignored" else num_iterations
    learning_rate = TINY_DEFAULTS["learning_rate"] if mistake == "learning_rate_ignored" else learning_rate
    parameters, costs = _IMPLEMENTATIONS[implementation](X[:, columns], Y[:, columns], num_iterations, learning_rate)
    cost = {"first_cost": costs[0], "mean_cost": float(np.mean(costs))}.get(mistake, costs[-1])
    if mistake == "cost_on_all_examples":
        cost = cross_entropy(X, Y, parameters)
    if mistake == "accuracy":
        A3, _ = _forward(X[:, :k], parameters)
        return float(np.mean((A3 > 0.5) == Y[:, :k])), costs[-1] < tolerance
    if mistake == "comparison_inverted":
        return cost, cost > tolerance
    if mistake == "tolerance_ignored":
        return cost, cost < TINY_DEFAULTS["tolerance"]
    return cost, cost < tolerance


def cross_entropy(X, Y, parameters):
    """The cross-entropy of the network `parameters` on (X, Y), from the logits."""
    _, cache = _forward(X, parameters)
    return _cross_entropy(cache[8], Y)


def tiny_results(calls, mistake=None):
    """(k, 2) rows (cost, reached as 0/1) of the reference, or of a known mistake, on full calls
    (X, Y, k, implementation, num_iterations, learning_rate, tolerance)."""
    return np.array([tiny_answers(*call, mistake=mistake) for call in calls], dtype=np.float64)


class _LazyMistakes(dict):
    """{name of KNOWN_TINY_MISTAKES: (k, 2) rows that mistake gives on the calls}, each computed (by
    training) the first time it is looked up: explaining a wrong answer stops at the first match."""

    def __init__(self, calls):
        super().__init__()
        self.calls = calls

    def __contains__(self, name):
        return any(name == known for known, _ in KNOWN_TINY_MISTAKES)

    def __missing__(self, name):
        if name not in self:
            raise KeyError(name)
        self[name] = tiny_results(self.calls, name)
        return dict.__getitem__(self, name)


def tiny_mistakes(calls, lazy=False):
    """{name of KNOWN_TINY_MISTAKES: (k, 2) rows that mistake gives on the calls}; computed on demand
    if lazy."""
    if lazy:
        return _LazyMistakes(calls)
    return {name: tiny_results(calls, name) for name, _ in KNOWN_TINY_MISTAKES}


def with_tolerances(plan, rng):
    """The calls of a plan with their tolerances, 2 to 5 times the right cost above it or below it, and
    the right (k, 2) rows (cost, reached as 0/1) of those calls."""
    calls, right = [], []
    for X, Y, k, implementation, num_iterations, learning_rate, above in plan:
        cost, _ = reference.overfit_tiny_set(X, Y, k, implementation, num_iterations, learning_rate, 1.0)
        factor = float(rng.uniform(2, 5))
        calls.append((X, Y, k, implementation, num_iterations, learning_rate,
                      float(cost * factor if above else cost / factor)))
        right.append((cost, float(above)))
    return calls, np.array(right, dtype=np.float64)


def grade_overfit_tiny_set(overfit_tiny_set):
    """Hidden tests of overfit_tiny_set: the reference on two fresh tiny sets, every implementation."""
    __tracebackhide__ = True
    rng = np.random.default_rng()
    calls, right = with_tolerances(tiny_plan(rng), rng)
    got = np.array([call_overfit(overfit_tiny_set, *call) for call in calls], dtype=np.float64)
    if not same_tiny_results(got, right):
        described = [tiny_call(X, *rest) for X, _, *rest in calls]
        fail(f"overfit_tiny_set is wrong: {explain_tiny(described, got, right, tiny_mistakes(calls, lazy=True))}.")
    hidden_tests_passed()


# The visible check's tiny set: 10 examples of the wave data's shape (2 features), without random
# numbers, and its calls (k, index in TINY_IMPLEMENTATIONS, num_iterations, learning_rate, tolerance
# factor: the tolerance is the right cost times it).
TINY_CALLS = ((6, 0, 250, 0.7, 3.0), (6, 1, 250, 0.7, 3.0), (6, 2, 250, 0.7, 1 / 3),
              (5, 0, 400, 0.3, 1 / 3), (5, 1, 400, 0.3, 1 / 3), (5, 2, 400, 0.3, 3.0))


def fixed_tiny_set():
    X = _wave((2, 10), 1.7, 1.0)
    Y = np.array([[1, 0, 0, 1, 1, 0, 1, 0, 0, 1]], dtype=np.int64)
    return X, Y


def tiny_stored_values():
    """debugging/overfit_tiny_set: X (2, 10), Y (1, 10) int64, calls (6, 5) float64 rows (k, index of
    the implementation, num_iterations, learning_rate, tolerance), right (6, 2) rows (cost, reached as
    0/1), mistakes/<name> (6, 2), what each known mistake gives."""
    X, Y = fixed_tiny_set()
    calls = []
    for k, j, num_iterations, learning_rate, factor in TINY_CALLS:
        cost, _ = reference.overfit_tiny_set(X, Y, k, TINY_IMPLEMENTATIONS[j], num_iterations, learning_rate, 1.0)
        calls.append((k, TINY_IMPLEMENTATIONS[j], num_iterations, learning_rate, float(np.round(cost * factor, 6))))
    full = [(X, Y) + call for call in calls]
    return {"X": X, "Y": Y,
            "calls": np.array([(k, TINY_IMPLEMENTATIONS.index(name), n, rate, tol) for k, name, n, rate, tol in calls],
                              dtype=np.float64),
            "right": tiny_results(full), "mistakes": tiny_mistakes(full)}
