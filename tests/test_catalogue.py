"""Does each assignment's grader accept every correct style and reject every realistic bug?

Runs every catalogue case (autograder/catalogue/<assignment>/<function>/*.py) through the hidden tests
(autograder.checks.<assignment>.grade_<function>) and, for correct cases, the visible checks
(course.checks.check_<function>), in-process. The same cases go through real nbgrader runs in
test_<assignment>_assignment.py.
"""

import contextlib
import importlib
import io

import pytest

from autograder.assignments import ASSIGNMENTS
from autograder.catalogue.loader import load_cases
from course import checks as visible
from course.checks import CheckFailure

GRADED_FUNCTIONS = {assignment.name: assignment.graded_functions for assignment in ASSIGNMENTS}
# A one-line graded function has few honest ways to be written and few to be wrong.
FEWER_CASES = {"forward_propagation": 5, "backward_propagation": 5}
CASES = [case for assignment in GRADED_FUNCTIONS for case in load_cases(assignment)]
CORRECT = [case for case in CASES if case.expect_pass]
BUGGY = [case for case in CASES if not case.expect_pass]


def case_id(case):
    return f"{case.assignment}/{case.id}"


def run_check(check, function):
    """Run a check; return (failure message or None, what it wrote to stderr)."""
    stderr = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
        try:
            check(function)
        except CheckFailure as failure:
            return failure.sentence, stderr.getvalue()
    return None, stderr.getvalue()


def hidden_check(case):
    return getattr(importlib.import_module(f"autograder.checks.{case.assignment}"), f"grade_{case.function_name}")


def visible_check(case):
    return getattr(visible, f"check_{case.function_name}")


@pytest.mark.parametrize("assignment", GRADED_FUNCTIONS)
def test_is_the_catalogue_wide_enough(assignment):
    cases = load_cases(assignment)
    assert {case.function_name for case in cases} == set(GRADED_FUNCTIONS[assignment])
    for function_name in GRADED_FUNCTIONS[assignment]:
        mine = [case for case in cases if case.function_name == function_name]
        least = FEWER_CASES.get(function_name, 15)
        assert sum(case.expect_pass for case in mine) >= least, function_name
        assert sum(not case.expect_pass for case in mine) >= least, function_name


@pytest.mark.parametrize("case", CORRECT, ids=case_id)
def test_does_the_grader_accept_this_correct_style(case):
    function = case.load()
    for check in (hidden_check(case), visible_check(case)):
        message, stderr = run_check(check, function)
        assert message is None, f"{case.summary}: rejected with: {message}"
        assert stderr == "", "a correct solution that prints or warns must not write to stderr"


@pytest.mark.parametrize("case", BUGGY, ids=case_id)
def test_does_the_grader_reject_this_bug_with_a_clear_sentence(case):
    message, stderr = run_check(hidden_check(case), case.load())
    assert message is not None, f"accepted a bug: {case.summary}"
    for word in case.mentions:
        assert word.lower() in message.lower(), f"the message should mention {word!r}: {message}"
    assert "\n" not in message and message.endswith("."), f"not one sentence: {message!r}"
    assert stderr == ""


# Visible checks that compare with exact values, so every catalogue bug must already fail there
# (the initialization checks look at the scale and the shape of the draws on one network only, so
# some bugs are left to the hidden tests; tests/test_checks.py covers the uniform draws they catch).
# The dropout forward check measures the masks on 1,500 examples, enough to catch every bug too.
EXACT_VISIBLE_CHECKS = ("regularization", "dropout")


@pytest.mark.parametrize("case", [case for case in BUGGY if case.assignment in EXACT_VISIBLE_CHECKS], ids=case_id)
def test_do_the_visible_checks_catch_this_bug_too(case):
    message, _ = run_check(visible_check(case), case.load())
    assert message is not None, f"the visible checks let through: {case.summary}"


@pytest.mark.slow
@pytest.mark.parametrize("case", CORRECT, ids=case_id)
def test_is_a_correct_style_never_rejected_over_many_fresh_draws(case):
    function = case.load()
    for _ in range(40):
        message, _ = run_check(hidden_check(case), function)
        assert message is None, f"{case.summary}: rejected with: {message}"


@pytest.mark.slow
@pytest.mark.parametrize("case", BUGGY, ids=case_id)
def test_is_a_bug_rejected_with_the_same_explanation_on_every_fresh_draw(case):
    function = case.load()
    for _ in range(20):
        message, _ = run_check(hidden_check(case), function)
        assert message is not None, f"accepted a bug on a fresh draw: {case.summary}"
        for word in case.mentions:
            assert word.lower() in message.lower(), f"the message should mention {word!r}: {message}"


@pytest.mark.parametrize("case", BUGGY, ids=case_id)
def test_does_the_test_cell_name_the_bug_whichever_check_fails_first(case):
    # A test cell runs the visible check, then the hidden test: the student reads the first failure.
    function = case.load()
    message, _ = run_check(visible_check(case), function)
    if message is None:
        message, _ = run_check(hidden_check(case), function)
    for word in case.mentions:
        assert word.lower() in (message or "").lower(), f"the message should mention {word!r}: {message}"


# --- through the kernel proxy ----------------------------------------------------------------------

def through_the_kernel_proxy(function):
    """`function` as the grader calls it under nbgrader: a KernelFunction whose call runs the kernel
    helper on the wire format (autograder.grading.kernel_calls), with the grader's reply size limit."""
    from autograder.grading.execute import MAX_REPLY_BYTES
    from autograder.grading.kernel_calls import KERNEL_HELPER, KernelFunction

    namespace = {function.__name__: function}
    exec(KERNEL_HELPER, namespace)

    def run(code):
        exec(code, namespace)
        return {"status": "ok", "data": {"text/plain": repr(namespace["_grader_reply"])}}

    return KernelFunction(function.__name__, run, MAX_REPLY_BYTES)


# Correct masks that are not NumPy arrays: nested lists reach the grader as lists (of Python bools or
# ints, or of NumPy booleans, which travel one by one), and the checks must read them as NumPy does.
LIST_MASKS = [case for case in CORRECT if case.assignment == "dropout" and "list" in case.name]


def test_are_there_masks_as_lists_in_the_catalogue():
    assert {"nested_lists_of_bools", "tolist_of_python_bools"} <= {case.name for case in LIST_MASKS}


@pytest.mark.slow
@pytest.mark.parametrize("case", LIST_MASKS, ids=case_id)
def test_does_the_grader_accept_masks_as_lists_as_the_kernel_proxy_delivers_them(case):
    function = through_the_kernel_proxy(case.load())
    for check in (hidden_check(case), visible_check(case)):
        message, stderr = run_check(check, function)
        assert message is None, f"{case.summary}: rejected through the kernel proxy with: {message}"
        assert stderr == ""
