"""Do the records of first_difference's checks plant what they say, and do both checks name each mistake?

The hidden test (autograder.checks.debugging.grade_first_difference) and the visible check
(course.checks.check_first_difference) run the student's function on one record of every kind of
course.checks.debugging.KINDS and explain the first wrong answer from the record's kind: that works
only if every fresh record's right answer is the planted place, and if the visible check's stored
records lead each catalogued mistake to the sentence the hidden test gives.
"""

import numpy as np
import pytest

from autograder.catalogue.loader import load_cases
from autograder.checks.debugging import make_records
from autograder.solutions.debugging import first_difference
from course.checks.debugging import KINDS
from tests.test_catalogue import run_check, visible_check

CASES = [case for case in load_cases("debugging") if case.function_name == "first_difference"]


def planted(record):
    kind, k = record["kind"], record["layer"]
    if kind in ("identical", "rtol_loose") or kind.startswith("round_off"):
        return None
    if kind.startswith("forward"):
        return ("forward", k)
    return ("backward", f"db{k}" if kind == "backward_bias" else f"dW{k}")


def test_is_the_right_answer_of_every_fresh_record_the_planted_place():
    rng = np.random.default_rng()
    for _ in range(100):
        records = make_records(rng)
        assert [record["kind"] for record in records] == list(KINDS)
        for record in records:
            assert record["right"] == planted(record), record["kind"]


def test_do_the_round_off_records_differ_without_counting():
    # A test that could not fail: the round-off records must differ from a (not be copies), and be far
    # below rtol; the identical record must be copies.
    record = {r["kind"]: r for r in make_records(np.random.default_rng())}
    assert all(np.array_equal(a, b) for a, b in zip(record["identical"]["activations_a"],
                                                    record["identical"]["activations_b"]))
    for kind in ("round_off", "round_off_large", "round_off_near_zero", "round_off_large_near_zero"):
        pairs = list(zip(record[kind]["activations_a"], record[kind]["activations_b"]))
        assert not all(np.array_equal(a, b) for a, b in pairs), kind
        assert all(np.linalg.norm(a - b) <= 1e-11 * np.linalg.norm(a) for a, b in pairs), kind


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_does_the_visible_check_judge_this_case_as_the_hidden_test_does(case):
    message, stderr = run_check(visible_check(case), case.load())
    assert stderr == ""
    if case.expect_pass:
        assert message is None, message
    else:
        assert message is not None and all(word.lower() in message.lower() for word in case.mentions), message


def test_does_the_reference_pass_both_checks():
    assert run_check(visible_check(CASES[0]), first_difference)[0] is None
