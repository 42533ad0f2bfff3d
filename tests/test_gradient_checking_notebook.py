"""Does the gradient checking notebook tell its story when a student runs it?

Real kernels: the release, completed with the reference solutions, runs as a student runs it; the
worked figures of the course brief print to the digit (from the student's own functions too), the
student's gradient check finds the planted bugs block by block and entry by entry, then passes once they
are fixed; a bug hidden at a small initialization shows after training; a dropout check passes with
frozen masks and fails with fresh ones.
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
    """{block: verdict} of the block-by-block listing that follows `heading`."""
    start = printed.index(heading)
    found = re.findall(r"^  (d[Wb]\d): (.+)$", printed[start:], re.M)[:len(BLOCKS)]
    return dict(found)


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
    assert ("two-sided, theta^3: smallest error at an epsilon between 1e-6 and 1e-4: True; "
            "error below 1e-9 at epsilon = 1e-7: True") in printed


@pytest.mark.slow
def test_does_the_students_check_find_the_three_wrong_blocks_and_pass_once_fixed(printed):
    found = re.search(r"difference: ([\d.e+-]+) with the provided backward pass, below 1e-7 once fixed", printed)
    assert found, printed
    assert float(found.group(1)) >= 1e-3
    provided = blocks_after(printed, "provided backward_propagation_n, block by block:")
    assert sorted(key for key, verdict in provided.items() if verdict.endswith("BUG")) == ["dW1", "db1", "db2"]
    assert all(verdict == "below 1e-7  great" for key, verdict in provided.items() if key not in ("dW1", "db1", "db2"))
    fixed = blocks_after(printed, "your backward_propagation_n, block by block:")
    assert sorted(fixed) == sorted(BLOCKS) and set(fixed.values()) == {"below 1e-7  great"}


@pytest.mark.slow
def test_is_the_provided_db2_a_third_of_the_numerical_one_in_every_entry(printed):
    # m = 3 and one 1/m too many: the constant ratio the entry-by-entry view teaches to read.
    grad = re.search(r"^db2:  grad +(.+)$", printed, re.M).group(1).split()
    approx = re.search(r"^ +gradapprox +(.+)$", printed, re.M).group(1).split()
    assert len(grad) == len(approx) == 3
    assert all(abs(float(g) / float(a) - 1 / 3) < 0.01 for g, a in zip(grad, approx))


@pytest.mark.slow
def test_does_a_bug_hidden_at_initialization_show_after_training(printed):
    assert "at initialization: cost 0.6931, difference below 1e-7" in printed
    found = re.search(r"after 1,000 steps: cost ([\d.]+), difference ([\d.]+)", printed)
    assert found, printed
    assert float(found.group(1)) < 0.01 and float(found.group(2)) >= 1e-3


@pytest.mark.slow
def test_does_a_dropout_check_pass_with_frozen_masks_and_fail_with_fresh_ones(printed):
    assert "frozen=True: difference below 1e-7" in printed
    fresh = float(re.search(r"frozen=False: difference ([\d.]+)", printed).group(1))
    assert fresh >= 0.5


@pytest.mark.slow
def test_does_a_check_cost_many_training_steps(printed):
    # Two forward passes per parameter (the time it takes, printed too, depends on the machine).
    assert "one gradient check: 94 forward passes for a network of only 47 parameters" in printed
