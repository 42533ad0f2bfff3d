"""Does the L2 regularization notebook tell its story when a student runs it?

Real kernels: the release, completed with the reference solutions, runs as a student runs it, and
the numbers it prints must show what the notebook teaches.
"""

import re

import pytest

from autograder.nbgrader_course import REPO_ROOT
from autograder.solutions import reference_answers
from autograder.submissions import fill_solutions
from tests.notebooks import expected_check_lines, outputs_of, run_as_student

ASSIGNMENT = "regularization"
RELEASE = REPO_ROOT / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Everything the completed release printed, after checking it ran without errors or stderr."""
    notebook = run_as_student(fill_solutions(RELEASE, reference_answers(ASSIGNMENT)), tmp_path_factory.mktemp("student"))
    assert outputs_of(notebook, "error") == []
    assert [o.text for o in outputs_of(notebook, "stream") if o.name == "stderr"] == []
    assert len(outputs_of(notebook, "display_data")) >= 5, "every figure is drawn"
    text = "".join(o.text for o in outputs_of(notebook, "stream"))
    # What the notebook tells students to expect is what its checks print.
    expected = expected_check_lines(notebook)
    assert len(expected) == 2 and all(line in text for line in expected), (expected, text)
    return text


def accuracies(printed, model):
    """(train, dev, test) accuracies, as fractions, of a model's line in the notebook's report."""
    line = re.search(rf"^{re.escape(model)}: train accuracy ([\d.]+)%, dev accuracy ([\d.]+)%, "
                     rf"test accuracy ([\d.]+)%$", printed, re.M)
    assert line, f"no report for {model!r} in:\n{printed}"
    return tuple(float(value) / 100 for value in line.groups())


@pytest.mark.slow
def test_does_the_unregularized_model_overfit(printed):
    train, dev, test = accuracies(printed, "no regularization")
    assert train >= 0.93 and train - test >= 0.08 and train - dev >= 0.05


@pytest.mark.slow
def test_does_l2_trade_training_accuracy_for_test_accuracy(printed):
    plain, l2 = accuracies(printed, "no regularization"), accuracies(printed, "L2, lambda = 0.7")
    assert l2[0] < plain[0], "lower training accuracy"
    assert l2[1] > plain[1] and l2[2] >= plain[2] + 0.02, "higher dev and test accuracy"
    assert l2[0] - l2[2] < plain[0] - plain[2], "a smaller gap"


@pytest.mark.slow
def test_does_l2_shrink_every_weight_matrix(printed):
    norms = {name: [float(v) for v in re.findall(r"\|\|W\d\|\|_F\^2 =\s+([\d.]+)", line)]
             for name, line in re.findall(r"^(no regularization|L2, lambda = 0.7)\s+(\|\|W1.*)$", printed, re.M)}
    assert len(norms["no regularization"]) == len(norms["L2, lambda = 0.7"]) == 3
    assert all(l2 < plain for plain, l2 in zip(norms["no regularization"], norms["L2, lambda = 0.7"]))


@pytest.mark.slow
def test_does_the_lambda_sweep_show_variance_on_the_left_and_bias_on_the_right(printed):
    sweep = [(float(lambd), float(train) / 100, float(dev) / 100) for lambd, train, dev in
             re.findall(r"^lambda = ([\d.]+)\s+train ([\d.]+)%\s+dev ([\d.]+)%$", printed, re.M)]
    assert len(sweep) >= 5 and [s[0] for s in sweep] == sorted(s[0] for s in sweep)
    smallest, largest = sweep[0], sweep[-1]
    best_dev = max(s[2] for s in sweep)
    assert smallest[1] - smallest[2] >= 0.04, "small lambda: training well above dev (variance)"
    assert largest[1] <= 0.7 and largest[2] <= 0.7, "huge lambda: both low (bias)"
    assert best_dev > smallest[2] and best_dev > largest[2], "the best lambda lies in between"


@pytest.mark.slow
def test_does_early_stopping_stop_where_the_dev_cost_is_lowest_and_rising_after(printed):
    found = re.search(r"The dev cost is lowest at iteration (\d+) \(([\d.]+)\) and ends at ([\d.]+), while the "
                      r"training cost keeps falling, to ([\d.]+)\.", printed)
    assert found, printed
    stop, lowest, final_dev, final_train = int(found[1]), *map(float, found.groups()[1:])
    assert 0 < stop < 10000 and final_dev > 1.5 * lowest and final_train < lowest
    train, dev, test = accuracies(printed, "early stopping")
    plain = accuracies(printed, "no regularization")
    assert train < plain[0] and test > plain[2], "early stopping also trades training for test accuracy"


@pytest.mark.slow
def test_does_the_notebook_never_print_inf_or_nan(printed):
    assert not re.search(r"\b(inf|nan)\b", printed)
