"""Can nothing a student imports from `course` solve a graded exercise of the debugging notebook?

The oracle of tests/test_no_solver_in_course.py (every public callable of every module of `course`,
called with every arrangement of fresh inputs, the answer looked for in what comes back), with the
debugging assignment's own oracles, kept here so that the assignment adds no line to that file.
"""

import numpy as np
import pytest

from autograder.checks.debugging import (
    make_record,
    random_health_problem,
    random_sets,
    random_table,
    right_diagnoses,
    right_health,
)
from autograder.solutions import debugging as reference
from course.checks.debugging import DIAGNOSES, REMEDIES
from tests import test_no_solver_in_course as oracle


def normalize_oracle(rng):
    """(pool, solves) for normalize_inputs: the normalized dev set (the training set's mu and sigma
    applied to other data) or the normalized training set, whatever holds them."""
    X_train, X_dev, X_test = random_sets(3, 9, 5, 7, rng)
    train_norm, dev_norm, _ = reference.normalize_inputs(X_train, X_dev, X_test)
    pool = {"X_train": X_train, "X_dev": X_dev, "X_test": X_test}
    return pool, lambda result: oracle.holds(result, dev_norm) or oracle.holds(result, train_norm)


def _strings_in(value, depth=2):
    if isinstance(value, str):
        yield value.strip().lower()
    elif depth > 0 and isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings_in(item, depth - 1)
    elif depth > 0 and isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item, depth - 1)


def diagnosis_oracle(rng):
    """(pool, solves) for diagnose_bias_variance: on a model with both high bias and high variance (the
    rarest answer, so the one a constant cannot give), a result holding "both" solves it."""
    table = random_table(rng)
    codes = right_diagnoses(table)
    row = table[int(np.flatnonzero(codes[:, 0] == DIAGNOSES.index("both"))[0])]
    pool = dict(zip(("train_error", "dev_error", "base_error", "tolerance"), (float(v) for v in row)))
    return pool, lambda result: "both" in set(_strings_in(result)) and REMEDIES[0] in set(_strings_in(result))


def health_oracle(rng):
    """(pool, solves) for gradient_health: the arguments of a fresh network (the weights and gradients of one
    layer would multiply the arrangements tried by 20); a result holding the ratio ||dW|| / ||W|| of a layer with
    finite nonzero gradients, or the ratios of all the layers, solves it."""
    problem = random_health_problem(rng)
    right = right_health(problem)
    l = 1 + int(rng.choice(np.flatnonzero(~right["nan_or_inf"] & (right["ratio"] > 0))))
    pool = dict(problem)

    def solves(result):
        return oracle.holds(result, right["ratio"][l - 1]) or any(
            got.shape == right["ratio"].shape and np.allclose(got, right["ratio"], rtol=oracle.RTOL, equal_nan=True)
            for got in oracle.arrays_in(result))
    return pool, solves


def first_difference_oracle(rng):
    """(pool, solves) for first_difference: on a record whose first difference is the gradient dWk of a
    middle layer (every gradient below it differs too), a result that is ("backward", "dWk") solves it."""
    record = make_record(rng, "backward")
    pool = {name: record[name] for name in ("activations_a", "activations_b", "grads_a", "grads_b", "rtol")}
    want = ["backward", record["right"][1].lower()]
    return pool, lambda result: (isinstance(result, (tuple, list)) and len(result) == 2
                                 and [str(item).strip().lower() for item in result] == want)


def tiny_set_oracle(rng):
    """(pool, solves) for overfit_tiny_set: a result holding the cost after training an implementation on
    the first k of the m examples solves it (the provided loops train on whatever they are given)."""
    from autograder.checks.debugging import random_tiny_set

    X, Y, k = random_tiny_set(rng)
    implementation = str(rng.choice(["A", "B", "C"]))
    pool = {"X": X, "Y": Y, "k": k, "implementation": implementation, "num_iterations": 60,
            "learning_rate": 0.7, "tolerance": 0.05}
    cost, _ = reference.overfit_tiny_set(X, Y, k, implementation, 60, 0.7, 0.05)
    return pool, lambda result: oracle.holds(result, cost)


ORACLES = {"normalize_inputs": normalize_oracle, "diagnose_bias_variance": diagnosis_oracle,
           "gradient_health": health_oracle, "overfit_tiny_set": tiny_set_oracle,
           "first_difference": first_difference_oracle}


def solvers(modules, graded, rng):
    """Every "name(arguments)" of a public callable of `modules` that answers `graded` on fresh inputs."""
    saved = dict(oracle.ORACLES)
    oracle.ORACLES.update(ORACLES)
    try:
        return oracle.solvers(modules, graded, rng)
    finally:
        oracle.ORACLES.clear()
        oracle.ORACLES.update(saved)


@pytest.mark.parametrize("graded", ORACLES)
def test_can_no_public_callable_of_course_compute_this_debugging_answer(graded):
    seed = np.random.SeedSequence().entropy
    found = solvers(oracle.course_modules(), graded, np.random.default_rng(seed))
    assert found == [], f"{graded} can be computed by importing {', '.join(found)} (inputs from seed {seed})"


@pytest.mark.parametrize("graded", ORACLES)
def test_does_the_oracle_find_the_reference_solution(graded):
    # The first arrangement that answers is reported (the diagnosis may answer with its defaults too).
    found = solvers([reference], graded, np.random.default_rng())
    assert [name.split("(")[0] for name in found] == [f"autograder.solutions.debugging.{graded}"], found
