"""Does the initialization grader accept every correct style and reject every realistic bug?

Runs every catalogue case (tests/catalogue/initialization) through the hidden checks in-process.
The same cases go through real nbgrader runs in test_initialization_assignment.py.
"""

import contextlib
import io

import pytest

from autograder.checks import initialization as hidden
from course import checks as visible
from course.checks import CheckFailure
from tests.catalogue.loader import load_cases

CASES = load_cases("initialization")
CORRECT = [case for case in CASES if case.expect_pass]
BUGGY = [case for case in CASES if not case.expect_pass]


def run_check(check, function):
    """Run a check; return (failure message or None, what it wrote to stderr)."""
    stderr = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
        try:
            check(function)
        except CheckFailure as failure:
            return str(failure), stderr.getvalue()
    return None, stderr.getvalue()


def hidden_check(case):
    return getattr(hidden, f"grade_{case.function_name}")


def visible_check(case):
    return getattr(visible, f"check_{case.function_name}")


def test_is_the_catalogue_wide_enough():
    for function_name in ("initialize_parameters_zeros", "initialize_parameters_random", "initialize_parameters_he"):
        cases = [case for case in CASES if case.function_name == function_name]
        assert sum(case.expect_pass for case in cases) >= 15, function_name
        assert sum(not case.expect_pass for case in cases) >= 15, function_name


@pytest.mark.parametrize("case", CORRECT, ids=lambda case: case.id)
def test_does_the_grader_accept_this_correct_style(case):
    function = case.load()
    for check in (hidden_check(case), visible_check(case)):
        message, stderr = run_check(check, function)
        assert message is None, f"{case.summary}: rejected with: {message}"
        assert stderr == "", "a correct solution that prints or warns must not write to stderr"


@pytest.mark.parametrize("case", BUGGY, ids=lambda case: case.id)
def test_does_the_grader_reject_this_bug_with_a_clear_sentence(case):
    message, stderr = run_check(hidden_check(case), case.load())
    assert message is not None, f"accepted a bug: {case.summary}"
    for word in case.mentions:
        assert word.lower() in message.lower(), f"the message should mention {word!r}: {message}"
    assert "\n" not in message and message.endswith("."), f"not one sentence: {message!r}"
    assert stderr == ""


@pytest.mark.slow
@pytest.mark.parametrize("case", CORRECT, ids=lambda case: case.id)
def test_is_a_correct_style_never_rejected_over_many_fresh_draws(case):
    function = case.load()
    for _ in range(40):
        message, _ = run_check(hidden_check(case), function)
        assert message is None, f"{case.summary}: rejected with: {message}"


@pytest.mark.slow
@pytest.mark.parametrize("case", BUGGY, ids=lambda case: case.id)
def test_is_a_bug_rejected_on_every_fresh_draw(case):
    function = case.load()
    for _ in range(20):
        message, _ = run_check(hidden_check(case), function)
        assert message is not None, f"accepted a bug on a fresh draw: {case.summary}"
