"""Hidden tests of the initialization assignment.

Random initializations are judged by properties, never by seeded values, so that every correct
style passes (randn, normal, default_rng, any order of draws, a seed inside the function, float32):
- the contract (keys, arrays, floating dtype, shapes, finite values, zero biases) on several
  architectures, including one drawn at random on every run, so nothing can be hard-coded;
- on a wide network drawn afresh around [784, 256, 64, 10], then on one with small fan-ins (5 to 7,
  and 3) beside wide fan-outs, for every weight matrix: mean, standard deviation against the
  required scale, and a normal rather than a uniform shape, with tolerances set at six standard
  errors or more,
  so a correct solution is rejected with probability below 1e-8 while every realistic wrong scale
  (the nearest, Glorot on these sizes, is 10 % off) is far outside them;
- when the standard deviation is wrong, the message names the formula the student most likely used.
"""

import numpy as np

from autograder.checks import hidden_tests_passed
from course.checks import (
    call_student,
    check_parameters_contract,
    check_weights_drawn_around_zero,
    check_zero_weights,
    common_scale_mistakes,
    describe_call,
    fail,
    weight_std,
    wrong_scale_message,
)
from course.checks.initialization import check_weights_look_normal

# Varied depths, a width-1 output and distinct neighbouring sizes (a transposed W changes shape).
STRUCTURE_DIMS = ([2, 10, 5, 1], [3, 2, 1], [5, 1], [4, 7, 6, 3, 2])
# The wide network the weights' statistics are measured on, drawn afresh on every run around
# [784, 256, 64, 10] (a code that special-cases the architecture named in a failure message would
# otherwise pass): always wide enough for power on W1 (over 160k entries) and W2 (over 12k), and
# with every fan-in far from its fan-out, so that the usual wrong scales stay apart.
STATISTICS_DIMS_RANGES = ((700, 860), (230, 290), (56, 72), (8, 13))
# Then small fan-ins (W1 from 5 to 7 inputs, W3 from 3), each beside a wide fan-out: a scale that is
# right only for wide layers (sqrt(2 / (n[l-1] + 1)), ...) is off by 7 % or more there. The sizes
# avoid fan-ins of 2 and 4, where 2 / n equals sqrt(2 / n) or sqrt(1 / n), and W1's fan-in never is
# W3's plus one.
SMALL_FAN_IN_DIMS_RANGES = ((5, 8), (2500, 3500), (3, 4), (1500, 2500))


def random_architecture(rng=None):
    """A fresh small architecture [n0, ..., nL] with 1 to 4 layers and sizes 1 to 9."""
    rng = np.random.default_rng() if rng is None else rng
    return [int(n) for n in rng.integers(1, 10, size=int(rng.integers(2, 6)))]


def statistics_architecture(rng=None, ranges=STATISTICS_DIMS_RANGES):
    """A fresh architecture [n0, n1, n2, n3] drawn from `ranges` (the wide one by default)."""
    rng = np.random.default_rng() if rng is None else rng
    return [int(rng.integers(low, high)) for low, high in ranges]


def _check_structure(initialize, also=None):
    """The contract on every structure architecture; `also(parameters, call)` adds a check."""
    __tracebackhide__ = True
    for layers_dims in (*STRUCTURE_DIMS, random_architecture()):
        call = describe_call(initialize, layers_dims)
        parameters = call_student(initialize, layers_dims)
        check_parameters_contract(parameters, layers_dims, call)
        if also:
            also(parameters, call)


def _relative_tolerance(n_entries):
    """Allowed |measured std / required std - 1|: six standard errors, at least 3 %."""
    return max(0.03, 6 / np.sqrt(2 * n_entries))


def _check_weight_distribution(call, key, W, required_std, rule, mistakes):
    """Fail unless the entries of W look like independent draws from N(0, required_std^2).

    Inputs:
    - call, key: for messages ("initialize_parameters_he([...])", "W1")
    - W: (n[l], n[l-1]) weights; required_std: float; rule: the formula as text
    - mistakes: (std, explanation) pairs of the usual wrong scales, to name the likely cause
    """
    __tracebackhide__ = True
    w = np.asarray(W, dtype=np.float64).ravel()
    std = weight_std(w)
    check_weights_drawn_around_zero(call, key, W, required_std)
    tolerance = _relative_tolerance(w.size)
    if abs(std / required_std - 1) > tolerance:
        fail(wrong_scale_message(call, key, std, required_std, rule, mistakes, tolerance))
    check_weights_look_normal(call, key, W)


def _check_random_weights(initialize, required_std, rule):
    """Run _check_weight_distribution on every W[l] of a wide network, then of one with small fan-ins.

    required_std, rule: functions of (layers_dims, l) giving the required std and its formula.
    """
    __tracebackhide__ = True
    for ranges in (STATISTICS_DIMS_RANGES, SMALL_FAN_IN_DIMS_RANGES):
        dims = statistics_architecture(ranges=ranges)
        call = describe_call(initialize, dims)
        parameters = call_student(initialize, dims)
        check_parameters_contract(parameters, dims, call)
        for l in range(1, len(dims)):
            _check_weight_distribution(call, f"W{l}", parameters[f"W{l}"], required_std(dims, l),
                                       rule(dims, l), common_scale_mistakes(dims, l))


def grade_initialize_parameters_zeros(initialize_parameters_zeros):
    """Hidden tests of initialize_parameters_zeros: the contract, and every weight exactly zero."""
    __tracebackhide__ = True
    _check_structure(initialize_parameters_zeros, also=check_zero_weights)
    hidden_tests_passed()


def grade_initialize_parameters_random(initialize_parameters_random):
    """Hidden tests of initialize_parameters_random: the contract, and weights ~ N(0, 10^2)."""
    __tracebackhide__ = True
    _check_structure(initialize_parameters_random)
    _check_random_weights(
        initialize_parameters_random,
        required_std=lambda dims, l: 10.0,
        rule=lambda dims, l: "10")
    hidden_tests_passed()


def grade_initialize_parameters_he(initialize_parameters_he):
    """Hidden tests of initialize_parameters_he: the contract, and W[l] ~ N(0, 2 / n[l-1])."""
    __tracebackhide__ = True
    _check_structure(initialize_parameters_he)
    _check_random_weights(
        initialize_parameters_he,
        required_std=lambda dims, l: np.sqrt(2 / dims[l - 1]),
        rule=lambda dims, l: f"sqrt(2 / n[{l - 1}]) = sqrt(2 / {dims[l - 1]})")
    hidden_tests_passed()
