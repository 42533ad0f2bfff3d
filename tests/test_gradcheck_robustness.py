"""Zero false failures over many seeds, kinks, and the random mode's miss rate."""

import numpy as np
import pytest

from autograder.gradcheck import example_networks as nets
from autograder.gradcheck import gradcheck


@pytest.mark.slow
def test_do_correct_backprops_never_fail_over_hundreds_of_seeds():
    failures = []
    for seed in range(300):
        rng = np.random.default_rng(seed)
        m = int(rng.choice([5, 20, 60]))
        lambd = float(rng.choice([0.0, 0.7, 3.0]))
        keep_prob = float(rng.choice([1.0, 0.8, 0.5]))
        J, params, grads = nets.problem(nets.SMALL_DIMS, m, lambd, keep_prob, seed)
        report = gradcheck(J, params, grads, seed=seed)
        if not report.ok:
            failures.append((seed, str(report)))
    assert not failures, failures[0]


def test_do_correct_backprops_never_fail_in_random_mode_over_many_seeds():
    failures = []
    for seed in range(100):
        J, params, grads = nets.problem(nets.WIDE_SMALL_DIMS, 30, 0.7 * (seed % 2),
                                        0.8 if seed % 3 == 0 else 1.0, seed)
        report = gradcheck(J, params, grads, seed=seed)
        assert report.mode == "random"
        if not report.ok:
            failures.append((seed, str(report)))
    assert not failures, failures[0]


def _near_kinks(seed, m=40, width=1e-7):
    """
    A point where every hidden unit has a pre-activation within `width` of 0:
    the biases are set so, for one example per unit, in both hidden layers.
    """
    X, Y = nets.make_data(nets.SMALL_DIMS, m, seed)
    params = nets.init_params(nets.SMALL_DIMS, seed + 1)
    rng = np.random.default_rng(seed)
    for l in (1, 2):
        A = X
        for k in range(1, l):
            A = np.maximum(params[f"W{k}"] @ A + params[f"b{k}"], 0)
        Z = params[f"W{l}"] @ A
        units = Z.shape[0]
        pick = rng.integers(0, m, size=units)
        params[f"b{l}"] = -Z[np.arange(units), pick][:, None] + rng.uniform(-width, width, (units, 1))
    AL, cache = nets.forward(X, params)
    z1 = np.abs(cache[0]["Z"]).min(axis=1)
    assert (z1 < width).all()        # the construction really puts every unit at a kink
    return nets.make_cost(X, Y, 0.5), params, nets.backward(AL, Y, cache, lambd=0.5)


@pytest.mark.slow
def test_do_correct_backprops_never_fail_next_to_relu_kinks():
    failures, undecided = [], 0
    for seed in range(150):
        J, params, grads = _near_kinks(seed)
        report = gradcheck(J, params, grads, seed=seed)
        undecided += report.inconclusive
        if not report.ok:
            failures.append((seed, str(report)))
    assert not failures, failures[0]
    assert undecided > 0   # the kinks were really met, and reported as inconclusive


def test_is_a_bug_still_caught_next_to_relu_kinks():
    J, params, grads = _near_kinks(0)
    grads["dW2"] = 2.0 * grads["dW2"]
    report = gradcheck(J, params, grads)
    assert not report.ok
    assert "dW2" in report.diagnosis


# --- random mode: the stated miss probability ---------------------------------

def _linear_problem(n, seed):
    """cost = d . theta + 0.5 * theta . (c * theta) on one block of n entries, exact gradient."""
    rng = np.random.default_rng(seed)
    d, c = rng.standard_normal(n), rng.random(n)
    theta = 1e-3 * rng.standard_normal((n, 1))

    def J(p):
        t = p["W1"].ravel()
        return float(d @ t + 0.5 * t @ (c * t))

    return J, {"W1": theta}, {"dW1": (d + c * theta.ravel())[:, None]}


def _miss_rate(rel_error, trials, n=4000, rtol=1e-7):
    misses = 0
    for trial in range(trials):
        J, params, grads = _linear_problem(n, trial)
        g = grads["dW1"]
        k = trial % n
        g[k] += rel_error * np.linalg.norm(g)          # one wrong entry: ||e|| = rel_error * ||g||
        report = gradcheck(J, params, grads, mode="random", rtol=rtol, seed=10_000 + trial)
        misses += report.ok
    return misses / trials


def test_is_the_random_mode_miss_probability_as_stated():
    # Docstring: P(miss) <= (2/pi) arctan(2 rtol / eps_b), with equality for an
    # error orthogonal to the gradient (a single wrong entry). Pick eps_b so the
    # bound is 0.25 and measure.
    rtol, target = 1e-7, 0.25
    rel_error = 2 * rtol / np.tan(np.pi * target / 2)
    trials = 800
    rate = _miss_rate(rel_error, trials, rtol=rtol)
    sd = np.sqrt(target * (1 - target) / trials)
    assert abs(rate - target) < 5 * sd, (rate, target)


def test_is_a_realistic_single_wrong_entry_never_missed():
    # A typical entry wrong by its own size: eps_b ~ 1/sqrt(N), stated miss
    # probability ~ 1.3e-5 per check here: 300 checks should catch every one.
    n = 4000
    assert _miss_rate(1.0 / np.sqrt(n), 300, n=n) == 0.0


def test_is_a_single_wrong_entry_of_dw1_caught_on_the_wide_network():
    X, Y = nets.make_data(nets.WIDE_SMALL_DIMS, 30, 1)
    params = nets.init_params(nets.WIDE_SMALL_DIMS, 2)
    AL, cache = nets.forward(X, params)
    exact = nets.backward(AL, Y, cache)
    J = nets.make_cost(X, Y)
    a = np.abs(exact["dW1"]).ravel()
    typical = np.flatnonzero(a > np.median(a[a > 0]))   # entries of at least median size
    rng = np.random.default_rng(0)
    missed = 0
    for trial in range(60):
        grads = {k: v.copy() for k, v in exact.items()}
        idx = np.unravel_index(rng.choice(typical), grads["dW1"].shape)
        grads["dW1"][idx] *= 2.0
        report = gradcheck(J, params, grads, seed=trial)
        missed += report.ok
        if not report.ok:
            assert report.blocks["W1"].verdict == "WRONG"
            assert [n for n, b in report.blocks.items() if b.verdict == "WRONG"] == ["W1"]
    assert missed == 0


@pytest.mark.slow
def test_do_correct_backprops_never_fail_with_a_saturated_output():
    # Every parameter 20 times too large (like the x10 initialization) pushes many outputs within
    # 1e-9 of 0 or 1; with the cost computed from the logits, as graders compute it, the check
    # must still pass.
    saturated_points = 0
    for seed in range(150):
        X, Y = nets.make_data(nets.SMALL_DIMS, 40, seed)
        params = {key: value * 20 for key, value in nets.init_params(nets.SMALL_DIMS, seed + 1).items()}
        AL, cache = nets.forward(X, params)
        saturated_points += np.mean((AL < 1e-9) | (AL > 1 - 1e-9)) > 0.1
        report = gradcheck(nets.make_cost(X, Y, 0.7), params, nets.backward(AL, Y, cache, lambd=0.7))
        assert report.ok, f"seed {seed}: {report.diagnosis}"
    assert saturated_points >= 100, "most points must really be saturated"
