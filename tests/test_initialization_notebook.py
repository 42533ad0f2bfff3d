"""Does the initialization notebook tell its story when a student runs it?

Real kernels: the release, completed with the reference solutions, runs as a student runs it.
"""

import re

import nbformat
import pytest

from autograder.nbgrader_course import grading_environment
from tests.notebooks import outputs_of, run_as_student, run_completed_release

ASSIGNMENT = "initialization"


@pytest.mark.slow
def test_does_the_completed_release_tell_the_initialization_story(tmp_path):
    _, printed = run_completed_release(ASSIGNMENT, tmp_path, figures=7, check_lines=5)
    assert not re.search(r"\b(inf|nan)\b", printed), "the notebook must never print inf or nan"
    accuracy = {name: (float(train) / 100, float(test) / 100) for name, train, test in
                re.findall(r"^(zeros|random x 10|He)\s+([\d.]+)%\s+([\d.]+)%$", printed, re.M)}
    assert set(accuracy) == {"zeros", "random x 10", "He"}, printed
    assert all(abs(value - 0.5) <= 0.05 for value in accuracy["zeros"])
    assert accuracy["He"][0] >= 0.95 and accuracy["He"][1] >= 0.95
    # Zero initialization leaves the cost flat at log 2; x10 starts far above it.
    zero_costs = [float(c) for c in re.findall(r"cost (\d+\.\d+)", printed)[:5]]
    assert all(abs(c - 0.6931) < 1e-3 for c in zero_costs)
    first_random_cost = float(re.findall(r"cost (\d+\.\d+)", printed)[5])
    assert first_random_cost > 10
    # The output layer at the start: x10 saturates most outputs, He none; x10's W1 and W2 stay near their
    # draw while He's move by a large part of their size.
    starts = [dict(saturated=float(saturated) / 100, cost=float(cost)) for saturated, cost in
              re.findall(r"^start: .*saturated +(\d+)% .*cost +([\d.]+)$", printed, re.M)]
    assert len(starts) == 2, printed
    x10_start, he_start = starts
    assert x10_start["saturated"] >= 0.5 and x10_start["cost"] > 10
    assert he_start["saturated"] == 0 and he_start["cost"] < 1
    moved = [int(m) / 100 for m in re.findall(r"^W[12]: .*moved by +(\d+)% of its size$", printed, re.M)]
    assert len(moved) == 4, printed
    assert max(moved[:2]) < min(moved[2:]), "x10 weights move less than He weights"
    # Over 10 draws: zeros at chance, He good on every draw, x10 spread widely and below He at worst.
    rows = {name: [float(v) / 100 for v in re.findall(r"([\d.]+)%", rest)] for name, rest in
            re.findall(r"^(zeros|random x 10|He) +(?:1|10) +(.*)$", printed, re.M)}
    assert rows["zeros"] == [0.5, 0.5]
    he_train_low, _, he_test_low, _ = rows["He"]
    x10_train_low, x10_train_high, _, _ = rows["random x 10"]
    assert he_train_low >= 0.95 and he_test_low >= 0.95
    assert x10_train_high - x10_train_low >= 0.2 and x10_train_low <= he_train_low - 0.2


@pytest.mark.slow
def test_can_a_student_kernel_not_import_autograder_while_a_grading_kernel_can(tmp_path):
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import importlib.util, course\n"
        "print('autograder importable:', importlib.util.find_spec('autograder') is not None)")])
    probe.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    student = run_as_student(nbformat.from_dict(probe), tmp_path)
    assert "autograder importable: False" in outputs_of(student, "stream")[0].text
    with grading_environment():
        grader = run_as_student(nbformat.from_dict(probe), tmp_path)
    assert "autograder importable: True" in outputs_of(grader, "stream")[0].text
