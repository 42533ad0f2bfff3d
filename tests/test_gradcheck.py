"""Behaviour of the gradient-check harness: verdicts, diagnoses, input checks."""

import numpy as np
import pytest

from autograder.gradcheck import course_band, freeze_random, gradcheck
from autograder.gradcheck import example_networks as nets

SMALL_M = 300
WIDE_M = 50


def _check(dims, m, lambd=0.0, keep_prob=1.0, seed=0, hints=True, **bug):
    J, params, grads = nets.problem(dims, m, lambd, keep_prob, seed, **bug)
    kw = {"lambd": lambd, "m": m, "keep_prob": keep_prob} if hints else {}
    return gradcheck(J, params, grads, **kw)


@pytest.fixture(scope="module")
def wide_problem_data():
    # The real wide network is costly to build; share its data across tests.
    X, Y = nets.make_data(nets.WIDE_DIMS, WIDE_M, 0)
    params = nets.init_params(nets.WIDE_DIMS, 1)
    return X, Y, params


# --- correct gradients pass -------------------------------------------------

@pytest.mark.parametrize("lambd", [0.0, 0.7])
def test_does_a_correct_backprop_pass_on_the_small_network(lambd):
    report = _check(nets.SMALL_DIMS, SMALL_M, lambd)
    assert report.ok, str(report)
    assert report.mode == "exhaustive"
    assert report.band == "great"
    assert all(b.verdict == "ok" for b in report.blocks.values())


def test_does_a_correct_backprop_pass_on_the_real_wide_network(wide_problem_data):
    X, Y, params = wide_problem_data
    AL, cache = nets.forward(X, params)
    grads = nets.backward(AL, Y, cache, lambd=0.7)
    report = gradcheck(nets.make_cost(X, Y, 0.7), params, grads)
    assert report.ok, str(report)
    assert report.mode == "random"


def test_is_the_harness_more_accurate_than_the_course_loop():
    J, params, grads = nets.problem(nets.SMALL_DIMS, SMALL_M, lambd=0.7)
    naive = _naive_difference(J, params, grads, eps=1e-7)
    report = gradcheck(J, params, grads)
    assert report.difference < naive / 10, (report.difference, naive)


def _naive_difference(J, params, grads, eps):
    """The course's gradient_check_n: fixed eps, one entry at a time."""
    num, ana = [], []
    for name, theta in params.items():
        for idx in np.ndindex(theta.shape):
            plus = {k: v.copy() for k, v in params.items()}
            minus = {k: v.copy() for k, v in params.items()}
            plus[name][idx] += eps
            minus[name][idx] -= eps
            num.append((J(plus) - J(minus)) / (2 * eps))
            ana.append(grads["d" + name][idx])
    num, ana = np.array(num), np.array(ana)
    return np.linalg.norm(num - ana) / (np.linalg.norm(num) + np.linalg.norm(ana))


def test_are_the_callers_params_left_untouched():
    J, params, grads = nets.problem(nets.SMALL_DIMS, 20, lambd=0.7)
    before = {k: v.copy() for k, v in params.items()}
    seen = []

    def spy(p):
        seen.append(p)
        return J(p)

    gradcheck(spy, params, grads)
    for k in params:
        assert np.array_equal(params[k], before[k])
        assert not any(np.shares_memory(p[k], params[k]) for p in seen[:3])


def test_are_float32_params_checked_in_float64():
    J, params, grads = nets.problem(nets.SMALL_DIMS, 20)
    dtypes = set()

    def spy(p):
        dtypes.update(v.dtype for v in p.values())
        return J(p)

    p32 = {k: v.astype(np.float32) for k, v in params.items()}
    X, Y = nets.make_data(nets.SMALL_DIMS, 20, 0)
    AL, cache = nets.forward(X, {k: v.astype(np.float64) for k, v in p32.items()})
    grads = nets.backward(AL, Y, cache)
    report = gradcheck(spy, p32, grads)
    assert dtypes == {np.dtype(np.float64)}
    assert report.ok, str(report)


# --- planted bugs are caught and named, small network (exhaustive) ---------

CATALOGUE = [
    # bug, extra arguments, lambd, keep_prob, words the diagnosis must contain
    ("missing_1_over_m", {}, 0.7, 1.0, ["m = {m}", "1/m"]),
    ("no_l2", {}, 0.7, 1.0, ["dW1", "L2", "missing"]),
    ("l2_half", {}, 0.7, 1.0, ["dW1", "λ/(2m)"]),
    ("sign", {"block": "db3"}, 0.0, 1.0, ["db3", "wrong sign"]),
    ("sign", {"block": "dW2"}, 0.7, 1.0, ["dW2", "wrong sign"]),
    ("times2", {"block": "dW2"}, 0.7, 1.0, ["dW2", "twice"]),
    ("transposed", {"block": "dW2"}, 0.7, 1.0, ["dW2", "transposed"]),
    ("no_relu_derivative", {"layer": 2}, 0.7, 1.0, ["layer 2", "ReLU derivative"]),
    ("no_dropout_mask", {}, 0.0, 0.8, ["layer {top}", "mask"]),
    ("no_keep_prob_division", {}, 0.7, 0.8, ["layer {top}", "not divided by keep_prob"]),
    ("fresh_mask_backward", {}, 0.0, 0.8, ["layer {top}", "mask"]),
]


def _expect(words, m, dims):
    top = len(dims) - 2   # the last hidden layer
    return [w.format(m=m, top=top) for w in words]


@pytest.mark.parametrize("bug, extra, lambd, keep_prob, words", CATALOGUE,
                         ids=[f"{c[0]}-{'-'.join(map(str, c[1].values()))}" for c in CATALOGUE])
def test_is_each_planted_bug_caught_and_named_on_the_small_network(bug, extra, lambd, keep_prob, words):
    report = _check(nets.SMALL_DIMS, SMALL_M, lambd, keep_prob, bug=bug, **extra)
    assert not report.ok, str(report)
    for word in _expect(words, SMALL_M, nets.SMALL_DIMS):
        assert word in report.diagnosis, (word, report.diagnosis)


@pytest.mark.parametrize("bug, extra, lambd, keep_prob, words", CATALOGUE,
                         ids=[f"{c[0]}-{'-'.join(map(str, c[1].values()))}" for c in CATALOGUE])
def test_is_each_planted_bug_caught_and_named_on_the_wide_network(bug, extra, lambd, keep_prob, words):
    extra = dict(extra)
    if extra.get("block") == "db3":
        extra["block"] = "db4"          # the output bias of the wide network
    if extra.get("layer") == 2:
        extra["layer"] = 3
    words = [w.replace("db3", "db4").replace("layer 2", "layer 3") for w in words]
    report = _check(nets.WIDE_SMALL_DIMS, WIDE_M, lambd, keep_prob, bug=bug, **extra)
    assert report.mode == "random"
    assert not report.ok, str(report)
    for word in _expect(words, WIDE_M, nets.WIDE_SMALL_DIMS):
        assert word in report.diagnosis, (word, report.diagnosis)


@pytest.mark.parametrize("bug, extra, words", [
    ("no_l2", {}, ["dW1", "L2", "missing"]),
    ("sign", {"block": "db4"}, ["db4", "wrong sign"]),
    ("no_relu_derivative", {"layer": 2}, ["layer 2", "ReLU derivative"]),
])
def test_are_planted_bugs_named_on_the_real_wide_network(wide_problem_data, bug, extra, words):
    X, Y, params = wide_problem_data
    AL, cache = nets.forward(X, params)
    grads = nets.backward(AL, Y, cache, lambd=0.7, bug=bug, **extra)
    report = gradcheck(nets.make_cost(X, Y, 0.7), params, grads, lambd=0.7, m=WIDE_M)
    assert not report.ok, str(report)
    for word in words:
        assert word in report.diagnosis, (word, report.diagnosis)


def test_does_a_fresh_mask_in_forward_get_the_nondeterminism_message():
    J, params, grads = nets.problem(nets.SMALL_DIMS, 50, keep_prob=0.8, frozen=False)
    report = gradcheck(J, params, grads)
    assert not report.ok
    assert "not deterministic" in report.diagnosis
    assert "freeze_random" in report.diagnosis
    assert report.evaluations == 2


def test_is_a_missing_l2_term_named_without_hints_with_its_coefficient():
    lambd, m = 0.7, SMALL_M
    report = _check(nets.SMALL_DIMS, m, lambd, bug="no_l2", hints=False)
    assert not report.ok
    assert "L2" in report.diagnosis
    assert f"{-lambd / m:.3g}·W" in report.diagnosis   # the fitted coefficient is -λ/m
    assert all(report.blocks[f"b{l}"].verdict == "ok" for l in (1, 2, 3))


def test_is_a_missing_1_over_m_named_as_m_without_hints():
    report = _check(nets.SMALL_DIMS, SMALL_M, 0.0, bug="missing_1_over_m", hints=False)
    assert f"{SMALL_M} times" in report.diagnosis and "1/m" in report.diagnosis


def test_is_a_bug_in_a_tiny_block_caught_although_the_global_difference_is_small():
    J, params, grads = nets.problem(nets.SMALL_DIMS, SMALL_M, lambd=0.7)
    grads["db3"] = grads["db3"] * (1 + 1e-4)
    report = gradcheck(J, params, grads)
    assert not report.ok, str(report)
    assert report.blocks["b3"].verdict == "WRONG"
    assert report.difference < report.blocks["b3"].difference
    assert "db3" in report.diagnosis


def test_is_a_single_wrong_entry_located():
    J, params, grads = nets.problem(nets.SMALL_DIMS, SMALL_M, lambd=0.7)
    grads["dW2"][1, 7] += 0.5 * abs(grads["dW2"][1, 7]) + 1e-3
    report = gradcheck(J, params, grads)
    assert not report.ok
    assert report.blocks["W2"].worst[0].index == (1, 7)
    assert "(1, 7)" in report.diagnosis
    assert [n for n, b in report.blocks.items() if b.verdict == "WRONG"] == ["W2"]


def test_is_a_square_transposed_weight_gradient_named_in_both_modes():
    dims = [2, 4, 4, 1]
    for mode in ("exhaustive", "random"):
        J, params, grads = nets.problem(dims, 40, lambd=0.3, bug="transposed", block="dW2")
        report = gradcheck(J, params, grads, mode=mode)
        assert not report.ok, str(report)
        assert "dW2" in report.diagnosis and "transposed" in report.diagnosis, (mode, report.diagnosis)


# --- inputs are checked before any numerical work -------------------------

def _never(_params):
    raise AssertionError("the cost must not be evaluated when the inputs are invalid")


@pytest.mark.parametrize("mutate, words", [
    (lambda g: g.pop("dW2"), ["dW2", "no"]),
    (lambda g: g.update(db2=g["db2"].ravel()), ["db2", "(3,)", "(3, 1)", "keepdims"]),
    (lambda g: g.update(dW2=g["dW2"].T.copy()), ["dW2", "(20, 3)", "transposed"]),
    (lambda g: g.update(dW1=np.full_like(g["dW1"], np.nan)), ["dW1", "NaN"]),
    (lambda g: g.update(db1=np.where(np.arange(20)[:, None] == 4, np.inf, g["db1"])), ["db1", "inf", "(4, 0)"]),
    (lambda g: g.update(dW3=g["dW3"].astype(np.float32)), ["dW3", "float32", "float64"]),
    (lambda g: g.update(db3=np.zeros((1, 1), dtype=int)), ["db3", "integer"]),
    (lambda g: g.update(dW1=np.zeros((20, 2), dtype=complex)), ["dW1", "complex"]),
])
def test_do_shape_and_dtype_errors_get_a_clear_message(mutate, words):
    _, params, grads = nets.problem(nets.SMALL_DIMS, 20)
    mutate(grads)
    report = gradcheck(_never, params, grads)
    assert not report.ok
    assert report.evaluations == 0
    assert len(report.problems) == 1
    for word in words:
        assert word in report.diagnosis, (word, report.diagnosis)
    assert "not checked" in str(report) or "invalid" in str(report)


def test_are_extra_gradient_keys_ignored():
    J, params, grads = nets.problem(nets.SMALL_DIMS, 20)
    assert "dZ3" in grads and "dA2" in grads
    grads["dA2"] = "anything"
    assert gradcheck(J, params, grads).ok


def test_is_a_non_dict_grads_reported_not_raised():
    _, params, _ = nets.problem(nets.SMALL_DIMS, 20)
    report = gradcheck(_never, params, [1, 2, 3])
    assert not report.ok and "dict" in report.diagnosis


@pytest.mark.parametrize("bad_cost, words", [
    (lambda p: np.float32(1.0), ["float32"]),
    (lambda p: np.ones(3), ["one real number", "(3,)"]),
    (lambda p: float("nan"), ["nan"]),
])
def test_are_bad_cost_values_reported(bad_cost, words):
    _, params, grads = nets.problem(nets.SMALL_DIMS, 20)
    report = gradcheck(bad_cost, params, grads)
    assert not report.ok
    for word in words:
        assert word in report.diagnosis


def test_is_a_cost_returning_a_1x1_array_accepted():
    J, params, grads = nets.problem(nets.SMALL_DIMS, 20)
    assert gradcheck(lambda p: np.array([[J(p)]]), params, grads).ok


def test_is_a_cost_that_modifies_its_params_reported():
    J, params, grads = nets.problem(nets.SMALL_DIMS, 20)

    def sloppy(p):
        p["W1"] *= 1.0000001
        return J(p)

    report = gradcheck(sloppy, params, grads)
    assert not report.ok and "changed the parameters" in report.diagnosis


# --- dropout with frozen masks ---------------------------------------------

def test_can_a_dropout_backward_be_checked_with_freeze_random_seed():
    X, Y = nets.make_data(nets.SMALL_DIMS, 60, 3)
    params = nets.init_params(nets.SMALL_DIMS, 4)
    np.random.seed(11)
    AL, cache = nets.forward(X, params, keep_prob=0.7)
    good = nets.backward(AL, Y, cache, keep_prob=0.7)
    bad = nets.backward(AL, Y, cache, keep_prob=0.7, bug="no_dropout_mask")
    frozen = freeze_random(nets.make_cost(X, Y, keep_prob=0.7), seed=11)
    assert gradcheck(frozen, params, good).ok
    assert not gradcheck(frozen, params, bad).ok


def test_can_a_dropout_backward_be_checked_with_a_frozen_generator():
    X, Y = nets.make_data(nets.SMALL_DIMS, 60, 5)
    params = nets.init_params(nets.SMALL_DIMS, 6)
    rng = np.random.default_rng(7)
    frozen = freeze_random(nets.make_cost(X, Y, keep_prob=0.8, rng=rng), rng=rng)
    AL, cache = nets.forward(X, params, keep_prob=0.8, rng=rng)
    grads = nets.backward(AL, Y, cache, keep_prob=0.8)
    assert gradcheck(frozen, params, grads).ok


def test_does_freeze_random_leave_the_global_random_stream_alone():
    J, params, grads = nets.problem(nets.SMALL_DIMS, 20, keep_prob=0.8, frozen=False)
    np.random.seed(123)
    expected = np.random.rand(3)
    np.random.seed(123)
    gradcheck(freeze_random(J, seed=1), params, grads)
    assert np.array_equal(np.random.rand(3), expected)


# --- the report ----------------------------------------------------------------

def test_does_the_table_name_every_block_and_the_diagnosis():
    report = _check(nets.SMALL_DIMS, SMALL_M, 0.7, bug="times2", block="dW2")
    text = str(report)
    for name in ("dW1", "db1", "dW2", "db2", "dW3", "db3"):
        assert name in text
    assert "FAILED" in text and "WRONG" in text and report.diagnosis in text
    with pytest.raises(AssertionError, match="dW2"):
        report.assert_ok()


def test_is_the_global_difference_the_course_formula():
    J, params, grads = nets.problem(nets.SMALL_DIMS, 20, lambd=0.7)
    grads = {k: v.copy() for k, v in grads.items()}
    grads["dW1"] = grads["dW1"] * 1.5
    report = gradcheck(J, params, grads)
    exact = dict(nets.problem(nets.SMALL_DIMS, 20, lambd=0.7)[2].items())
    g = np.concatenate([grads["d" + k].ravel() for k in params])
    n = np.concatenate([exact["d" + k].ravel() for k in params])   # true gradient as the numeric one
    course = np.linalg.norm(n - g) / (np.linalg.norm(n) + np.linalg.norm(g))
    assert report.difference == pytest.approx(course, rel=1e-6)


@pytest.mark.parametrize("difference, band", [
    (3e-9, "great"), (1e-7, "great"), (1e-5, "look again"),
    (1e-3, "almost certainly a bug"), (0.4, "almost certainly a bug"),
])
def test_does_the_band_follow_the_course_thresholds(difference, band):
    assert course_band(difference) == band


def test_does_auto_mode_switch_by_size():
    assert _check(nets.SMALL_DIMS, 20).mode == "exhaustive"
    assert _check(nets.WIDE_SMALL_DIMS, 20).mode == "random"


def test_does_the_report_list_one_finding_per_distinct_cause():
    assert _check(nets.SMALL_DIMS, SMALL_M, 0.7).findings == []
    J, params, grads = nets.problem(nets.SMALL_DIMS, SMALL_M, 0.7, 1.0, 0)
    W = params["W3"]
    grads = {**grads, "dW3": grads["dW3"] - 0.7 / SMALL_M * W, "db1": 2 * grads["db1"]}
    report = gradcheck(J, params, grads, lambd=0.7, m=SMALL_M)
    assert not report.ok and len(report.findings) == 2
    assert "db1" in report.findings[0] and "dW3" in report.findings[1] and "missing" in report.findings[1]
    assert all(finding in report.diagnosis for finding in report.findings)


def test_does_the_report_give_one_sentence_that_names_the_other_wrong_blocks():
    from autograder.gradcheck import BlockResult, GradcheckReport

    def report(causes, findings):
        blocks = {name: BlockResult(name, f"d{name}", (2, 2), verdict="WRONG" if cause else "ok", cause=cause)
                  for name, cause in causes.items()}
        return GradcheckReport(ok=False, difference=0.5, blocks=blocks, diagnosis="The diagnosis  spans\nlines",
                               findings=findings)

    one = report({"W1": "", "W2": "The ReLU derivative is missing in layer 2."}, ["The ReLU derivative is missing in layer 2."])
    assert one.one_sentence() == "the ReLU derivative is missing in layer 2."
    # Several findings: the last wrong block is the one backpropagation computes first.
    three = report({"W1": "dW1 is off.", "b1": "", "W2": "dW2 is off", "W3": "dW3 has no 1/m."}, ["a", "b", "c"])
    assert three.one_sentence() == "dW3 has no 1/m (dW2 and dW1 are wrong too)."
    two = report({"W1": "dW1 is off.", "W2": "dW2 has no 1/m."}, ["a", "b"])
    assert two.one_sentence() == "dW2 has no 1/m (dW1 is wrong too)."
    # No wrong block to quote: the diagnosis, on one line.
    assert report({"W1": ""}, ["a", "b"]).one_sentence() == "the diagnosis spans lines."
