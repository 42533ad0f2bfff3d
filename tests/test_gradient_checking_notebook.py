"""Does the gradient checking notebook tell its story when a student runs it?

Real kernels: the release, completed with the reference solutions, runs as a student runs it; the
worked figures of the course brief print to the digit, and the gradient check finds the planted bugs
block by block, then passes once they are fixed.
"""

import re

import pytest

from tests.notebooks import run_completed_release

ASSIGNMENT = "gradient_checking"
BLOCKS = ("dW1", "db1", "dW2", "db2", "dW3", "db3")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Everything the completed release printed, after checking it ran without errors or stderr."""
    _, text = run_completed_release(ASSIGNMENT, tmp_path_factory.mktemp("student"), figures=1, check_lines=5)
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
def test_do_the_students_own_functions_reproduce_the_worked_figures(printed):
    assert "\ndJ/dtheta 3.0000, two-sided 3.0001, one-sided 3.0301\n" in printed
    assert "\ngradient_check: 1.67e-05 at epsilon = 0.01, below 1e-7 at the default epsilon: True\n" in printed


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
