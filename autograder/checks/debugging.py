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


# --- overfit a tiny set ---------------------------------------------------------------------------------

from course.checks.debugging import (KNOWN_TINY_MISTAKES, TINY_DEFAULTS, TINY_IMPLEMENTATIONS,  # noqa: E402
                                     call_overfit, explain_tiny, same_tiny_results, tiny_call)
from course.network import cross_entropy_from_logits as _cross_entropy  # noqa: E402
from course.network import forward_propagation as _forward  # noqa: E402
from course.tiny_set import IMPLEMENTATIONS as _IMPLEMENTATIONS  # noqa: E402

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
    print("\u2714 hidden tests passed")


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


_stored_values_before_tiny_set = stored_values


def stored_values():  # noqa: F811 (extends the group above with this section's values)
    values = _stored_values_before_tiny_set()
    values["overfit_tiny_set"] = tiny_stored_values()
    return values
