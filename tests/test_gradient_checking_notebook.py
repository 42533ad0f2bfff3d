"""Does the gradient checking notebook tell its story when a student runs it?

Real kernels: the release, completed with the reference solutions, runs as a student runs it; the
worked figures of the course brief print to the digit, and the gradient check finds the planted bugs
block by block, then passes once they are fixed.
"""

import re

import pytest

from autograder.nbgrader_course import REPO_ROOT
from autograder.solutions import reference_answers
from autograder.submissions import fill_solutions
from tests.notebooks import expected_check_lines, outputs_of, run_as_student

ASSIGNMENT = "gradient_checking"
RELEASE = REPO_ROOT / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
BLOCKS = ("dW1", "db1", "dW2", "db2", "dW3", "db3")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Everything the completed release printed, after checking it ran without errors or stderr."""
    notebook = run_as_student(fill_solutions(RELEASE, reference_answers(ASSIGNMENT)), tmp_path_factory.mktemp("student"))
    assert outputs_of(notebook, "error") == []
    assert [o.text for o in outputs_of(notebook, "stream") if o.name == "stderr"] == []
    assert len(outputs_of(notebook, "display_data")) >= 1, "the error-against-epsilon figure is drawn"
    text = "".join(o.text for o in outputs_of(notebook, "stream"))
    # What the notebook tells students to expect is what its checks print.
    expected = expected_check_lines(notebook)
    assert len(expected) == 5 and all(line in text for line in expected), (expected, text)
    return text


def blocks_after(printed, heading):
    """{block: difference} of the block-by-block listing that follows `heading`."""
    start = printed.index(heading)
    found = re.findall(r"^  (d[Wb]\d): ([\d.e+-]+)  ", printed[start:], re.M)[:len(BLOCKS)]
    return {key: float(value) for key, value in found}


@pytest.mark.slow
def test_do_the_worked_figures_print_exactly(printed):
    for line in ("  two-sided 3.0001 (error 0.0001)", "  one-sided 3.0301 (error 0.0301)",
                 "  two-sided 5.999999999999872", "  one-sided 6.009999999999849"):
        assert f"\n{line}\n" in printed, line


@pytest.mark.slow
def test_is_the_bottom_of_the_v_between_round_off_and_truncation(printed):
    found = re.search(r"smallest error ([\d.e+-]+) at epsilon = ([\d.e+-]+); ([\d.e+-]+) at epsilon = 1e-7", printed)
    assert found, printed
    smallest, where, at_default = map(float, found.groups())
    assert 1e-7 < where < 1e-3 and at_default < 1e-9


@pytest.mark.slow
def test_does_the_check_find_exactly_the_two_planted_bugs_and_pass_once_fixed(printed):
    found = re.search(r"difference: ([\d.e+-]+) with the provided backward pass, ([\d.e+-]+) once fixed", printed)
    assert found, printed
    buggy, fixed = map(float, found.groups())
    assert buggy >= 1e-3 and fixed <= 1e-7
    provided = blocks_after(printed, "provided backward_propagation_n, block by block:")
    assert sorted(key for key, value in provided.items() if value >= 1e-3) == ["dW2", "db1"]
    assert all(value <= 1e-7 for key, value in provided.items() if key not in ("dW2", "db1"))
    after_fix = blocks_after(printed, "Your backward propagation works perfectly fine!")
    assert sorted(after_fix) == sorted(BLOCKS) and all(value <= 1e-7 for value in after_fix.values())


@pytest.mark.slow
def test_does_the_check_need_the_l2_term_in_the_gradients(printed):
    without = float(re.search(r"gradients without the L2 term: ([\d.e+-]+)", printed).group(1))
    with_l2 = float(re.search(r"gradients with the L2 term: +([\d.e+-]+)", printed).group(1))
    assert without >= 1e-3 and with_l2 <= 1e-7


@pytest.mark.slow
def test_does_a_check_cost_many_training_steps(printed):
    # Two forward passes per parameter (the time it takes, printed too, depends on the machine).
    assert "one gradient check: 94 forward passes for a network of only 47 parameters" in printed


@pytest.mark.slow
def test_does_the_fixed_backward_pass_still_pass_after_training(printed):
    found = re.search(r"after 300 steps of gradient descent \(cost ([\d.]+)\): difference = ([\d.e+-]+)", printed)
    assert found, printed
    assert float(found.group(1)) < 0.1 and float(found.group(2)) <= 1e-7
