"""Hidden tests of the dropout assignment.

The forward pass draws random masks, so it is judged by properties on fresh draws, never by seeded
values (course.checks.dropout.judge_forward): on fresh random networks with 1,000 to 1,250 examples,
four calls each, and keep_prob = 0.8, 0.6 and 0.35, the masks must be 0/1 arrays of the activations' shapes, kept at
the rate keep_prob (a six-sigma test on tens of thousands of entries), independent across examples
and across units, and fresh on every call; every quantity of the cache must follow from the
network and the student's own masks; keep_prob = 1 must give the plain forward pass, dropping no unit
but the few a float32 draw rounded up to 1.0 may drop. Any correct way of drawing the masks passes:
rand < keep_prob, rand > 1 - keep_prob, default_rng, binomial, masks as
bool, int or float arrays or as nested lists of them, the mask applied to Z before the ReLU.

The backward pass is deterministic given a cache. On fresh caches whose masks are drawn from a
Generator, it is run through the gradient-check harness with the masks held fixed
(autograder.gradcheck.freeze_random replays the same masks at every evaluation of the cost), so a
wrong block is explained, then compared with the reference (autograder/solutions/dropout.py) on more
sizes and keep_prob values. The usual mistakes are named: fresh masks drawn in backward, masks not
applied or swapped, the division by keep_prob missing or doubled.
"""

import numpy as np

from autograder.checks import hidden_tests_passed
from autograder.checks.gradients import equal_up_to_float32, within_round_off
from autograder.gradcheck import freeze_random, gradcheck
from autograder.solutions import dropout as reference
from course.checks import call_student, fail
from course.checks.dropout import FRESH_MASKS_IN_BACKWARD, KNOWN_BACKWARD_MISTAKES, judge_forward
from course.checks.gradients import LAYERS, first_wrong_from_the_top, gradients_as_arrays, worst_entry
from course.network import cross_entropy_from_logits, relu, sigmoid

# (n_x, n1, n2, m, keep_probs) of the forward tests: the notebook's network, and wider layers. With
# FORWARD_CALLS calls per keep_prob the rate of D1 is measured on FORWARD_CALLS * n1 * m >= 96,000
# entries. Four calls on fewer examples rather than two on more: a correct mask built as nested lists
# of NumPy booleans crosses the kernel proxy entry by entry (about 200 bytes each), and one call's
# reply (at most 40,000 mask entries here) must stay well below the proxy's 16 MiB.
FORWARD_PROBLEMS = ((2, 20, 3, 1250, (0.8, 0.35)), (5, 24, 16, 1000, (0.6,)))
FORWARD_CALLS = 4
# (n_x, n1, n2, m) of the backward tests; the first has n1 = n2, so that swapped masks give wrong
# values rather than a broadcasting error, and m = n_x elsewhere would hide a mix-up of axes; the
# last is the notebook's network on its own training set size.
BACKWARD_PROBLEMS = ((3, 4, 4, 7), (2, 20, 3, 9), (5, 6, 3, 31), (4, 3, 7, 4), (2, 20, 3, 211))
KEEP_PROBS = (0.8, 0.5, 0.3)
GRADCHECK_PROBLEMS = 2
GRADCHECK_KEEP_PROB = 0.7


def random_parameters(sizes, rng):
    """He-scaled weights and biases that keep most hidden units active on some examples."""
    parameters = {}
    for l in LAYERS:
        parameters[f"W{l}"] = rng.standard_normal((sizes[l], sizes[l - 1])) * np.sqrt(2 / sizes[l - 1])
        parameters[f"b{l}"] = rng.standard_normal((sizes[l], 1)) * 0.3 + 0.1
    return parameters


def grade_forward_propagation_with_dropout(forward_propagation_with_dropout):
    """Hidden tests of forward_propagation_with_dropout: the masks' statistics and the cache's consistency."""
    __tracebackhide__ = True
    rng = np.random.default_rng()
    for n_x, n1, n2, m, keep_probs in FORWARD_PROBLEMS:
        X = rng.uniform(-1, 1, (n_x, m))
        judge_forward(forward_propagation_with_dropout, X, random_parameters((n_x, n1, n2, 1), rng), keep_probs,
                      calls=FORWARD_CALLS)
    hidden_tests_passed()


# --- the backward pass ----------------------------------------------------------------------------

def _forward_with_masks(X, parameters, D1, D2, keep_prob):
    """The dropout forward pass with given masks: the cache (Z1, D1, A1, W1, b1, ..., b3)."""
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = relu(Z1) * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2) * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    return (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, sigmoid(Z3), W3, b3)


def _draw_masks(rng, n1, n2, m, keep_prob):
    return ((rng.random((n1, m)) < keep_prob).astype(np.float64), (rng.random((n2, m)) < keep_prob).astype(np.float64))


def random_problem(n_x, n1, n2, m, keep_prob, rng):
    """A backward problem: X, Y, parameters, keep_prob, a cache with masks drawn from `rng`, and
    `cost`, the cross-entropy (from the logits) of the forward pass with those very masks held
    fixed: freeze_random snapshots rng, and the cache's masks are the first ones drawn after it.

    The draw is repeated until A3 stays inside (0.018, 0.982), every hidden layer has active and
    inactive entries after dropout, and (m > 1) no unit is silent on every example.
    """
    while True:
        parameters = random_parameters((n_x, n1, n2, 1), rng)
        X = rng.standard_normal((n_x, m))
        Y = rng.permutation(np.arange(m) % 2).reshape(1, m).astype(np.int64)

        def cost_with_masks_from(generator, X=X, Y=Y):
            def masked_cost(params):
                D1, D2 = _draw_masks(generator, n1, n2, m, keep_prob)
                return cross_entropy_from_logits(_forward_with_masks(X, params, D1, D2, keep_prob)[10], Y)
            return masked_cost

        cost = freeze_random(cost_with_masks_from(rng), rng=rng)
        cache = _forward_with_masks(X, parameters, *_draw_masks(rng, n1, n2, m, keep_prob), keep_prob)
        if np.all(np.abs(cache[10]) < 4) and all(
                np.any(A > 0) and np.any(A == 0) and (m == 1 or np.all(np.any(A > 0, axis=1))) for A in (cache[2], cache[7])):
            return {"X": X, "Y": Y, "parameters": parameters, "keep_prob": keep_prob, "cache": cache, "cost": cost,
                    "sizes": (n_x, n1, n2, m)}


def _where(problem):
    n_x, n1, n2, m = problem["sizes"]
    return f"n_x = {n_x}, n1 = {n1}, n2 = {n2}, m = {m}, keep_prob = {problem['keep_prob']:g}"


def _call_backward(backward, problem):
    __tracebackhide__ = True
    call = f"backward_propagation_with_dropout(X, Y, cache, keep_prob) with {_where(problem)}"
    gradients = call_student(backward, problem["X"], problem["Y"], problem["cache"], problem["keep_prob"], call=call)
    return gradients_as_arrays(gradients, problem["parameters"], call)


def _variant(problem, masks=None, scales=None, derivative_from_z=True):
    """The gradients a backward pass computes with other masks (D for dA1, D for dA2) and other
    factors (for dA1, for dA2) in place of D1 / keep_prob and D2 / keep_prob."""
    X, Y, m = problem["X"], problem["Y"], problem["sizes"][3]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = problem["cache"]
    kp = problem["keep_prob"]
    M1, M2 = masks or (D1, D2)
    s1, s2 = scales or (1 / kp, 1 / kp)
    dZ3 = A3 - Y
    dA2 = (W3.T @ dZ3) * M2 * s2
    dZ2 = dA2 * ((Z2 > 0) if derivative_from_z else (A2 > 0))
    dA1 = (W2.T @ dZ2) * M1 * s1
    dZ1 = dA1 * ((Z1 > 0) if derivative_from_z else (A1 > 0))
    gradients = {}
    for l, dZ, inputs in ((1, dZ1, X), (2, dZ2, A1), (3, dZ3, A2)):
        gradients[f"dW{l}"] = dZ @ inputs.T / m
        gradients[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
    return gradients


def known_mistakes(problem):
    """{name: gradients} for the usual mistakes of a dropout backward pass (KNOWN_BACKWARD_MISTAKES)."""
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = problem["cache"]
    kp = problem["keep_prob"]
    ones1, ones2 = np.ones_like(D1), np.ones_like(D2)
    how = {"not_divided": dict(scales=(1, 1)), "dA1_not_divided": dict(scales=(1, 1 / kp)),
           "dA2_not_divided": dict(scales=(1 / kp, 1)), "multiplied": dict(scales=(kp, kp)),
           "divided_twice": dict(scales=(1 / kp ** 2, 1 / kp ** 2)),
           "no_dropout": dict(masks=(ones1, ones2), scales=(1, 1)),
           "masks_not_applied": dict(masks=(ones1, ones2)), "D1_not_applied": dict(masks=(ones1, D2)),
           "D2_not_applied": dict(masks=(D1, ones2))}
    if D1.shape == D2.shape:
        how["masks_swapped"] = dict(masks=(D2, D1))
    return {name: _variant(problem, **how[name]) for name, _ in KNOWN_BACKWARD_MISTAKES if name in how}


def _name_the_mistake(problem, got):
    """A sentence for gradients `got` that are wrong on `problem`."""
    mistakes = known_mistakes(problem)
    for name, sentence in KNOWN_BACKWARD_MISTAKES:
        if name in mistakes and first_wrong_from_the_top(got, mistakes[name]) is None:
            return f"With {_where(problem)}, backward_propagation_with_dropout is wrong: {sentence}."
    return None


def _gradient_check(backward, problem):
    """The harness on the student's gradients, the masks held fixed; fail with one sentence if wrong."""
    __tracebackhide__ = True
    got = _call_backward(backward, problem)
    report = gradcheck(problem["cost"], problem["parameters"], got, m=problem["sizes"][3],
                       keep_prob=problem["keep_prob"])
    if report.ok or within_round_off(report):
        return
    # A block that nearly cancels (db3) keeps float32 round-off far above its own size: compare with
    # the float64 reference within float32 round-off before calling a correct float32 answer wrong.
    right = reference.backward_propagation_with_dropout(problem["X"], problem["Y"], problem["cache"],
                                                        problem["keep_prob"])
    if equal_up_to_float32(got, right):
        return
    fail(_name_the_mistake(problem, got)
         or f"The gradient check with the masks held fixed fails with {_where(problem)}: {report.one_sentence()}")


def grade_backward_propagation_with_dropout(backward_propagation_with_dropout):
    """Hidden tests of backward_propagation_with_dropout: fresh masks, the gradient check with the
    masks held fixed, then the reference on more sizes and keep_prob values."""
    __tracebackhide__ = True
    backward = backward_propagation_with_dropout
    rng = np.random.default_rng()
    first = random_problem(*BACKWARD_PROBLEMS[0], KEEP_PROBS[0], rng)
    if first_wrong_from_the_top(_call_backward(backward, first), _call_backward(backward, first)) is not None:
        fail(f"backward_propagation_with_dropout {FRESH_MASKS_IN_BACKWARD}.")
    for sizes in BACKWARD_PROBLEMS[:GRADCHECK_PROBLEMS]:
        _gradient_check(backward, random_problem(*sizes, GRADCHECK_KEEP_PROB, rng))
    for sizes in BACKWARD_PROBLEMS:
        for keep_prob in KEEP_PROBS:
            problem = random_problem(*sizes, keep_prob, rng)
            got = _call_backward(backward, problem)
            right = reference.backward_propagation_with_dropout(problem["X"], problem["Y"], problem["cache"], keep_prob)
            key = first_wrong_from_the_top(got, right)
            if key is not None:
                fail(_name_the_mistake(problem, got)
                     or f"With {_where(problem)}, {key} is wrong: {worst_entry(got[key], right[key])}.")
    hidden_tests_passed()
