"""Does the L2 regularization notebook tell its story when a student runs it?

Real kernels: the release, completed with the reference solutions, runs as a student runs it, and
the numbers it prints must show what the notebook teaches. Nothing in the notebook is random (fixed
data, stored initialization), and every correct style of the two graded functions in
autograder/catalogue/regularization trains to the same printed figures, so the notebook gives them as
expected output, and they must be what the notebook prints.
"""

import itertools
import re

import pytest

from tests.notebooks import run_completed_release

ASSIGNMENT = "regularization"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """(everything the completed release printed, the notebook's markdown), after checking it ran
    without errors or stderr and drew its figures."""
    notebook, text = run_completed_release(ASSIGNMENT, tmp_path_factory.mktemp("student"), figures=5, check_lines=2)
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    return text, markdown


@pytest.fixture(scope="module")
def printed(run):
    return run[0]


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


def sweep_of(printed):
    """[(lambda, train, dev, share of dev points predicted as class 1)] of the lambda sweep, fractions."""
    return [(float(lambd), float(train) / 100, float(dev) / 100, float(ones) / 100) for lambd, train, dev, ones in
            re.findall(r"^lambda = ([\d.]+)\s+train ([\d.]+)%\s+dev ([\d.]+)%\s+"
                       r"dev points predicted as class 1: ([\d.]+)%$", printed, re.M)]


@pytest.mark.slow
def test_does_the_lambda_sweep_show_variance_on_the_left_and_bias_on_the_right(printed):
    sweep = sweep_of(printed)
    lambdas, train, dev = [s[0] for s in sweep], [s[1] for s in sweep], [s[2] for s in sweep]
    plain = accuracies(printed, "no regularization")
    assert len(sweep) >= 5 and lambdas == sorted(lambdas) and 0.7 in lambdas, "the grid holds the lambda trained above"
    assert all(later <= earlier for earlier, later in itertools.pairwise(train)), f"training accuracy falls: {train}"
    peak = dev.index(max(dev))
    assert 0 < peak < len(dev) - 1, f"the best lambda lies inside the grid: {dev}"
    assert all(later >= earlier for earlier, later in itertools.pairwise(dev[:peak + 1])), f"dev rises to its peak: {dev}"
    assert all(later <= earlier for earlier, later in zip(dev[peak:], dev[peak + 1:])), f"then falls: {dev}"
    assert train[0] < plain[0] and min(dev[:peak + 1]) > plain[1], "L2 helps from the smallest lambda of the grid"
    assert train[-1] <= 0.7 and dev[-1] <= 0.7 and sweep[-1][3] in (0, 1), "the largest lambda: one class (bias)"
    assert all(0.3 < s[3] < 0.7 for s in sweep[:-1]), "the other models predict both classes"


@pytest.mark.slow
def test_are_the_printed_figures_the_expected_output_the_notebook_gives(run):
    printed, markdown = run
    blocks = re.findall(r"\*\*Expected output.*?```\n(.*?)```", markdown, re.S)
    lines = [line for block in blocks for line in block.splitlines() if line.strip() and not line.startswith("\u2714")]
    # the two trainings, the table, the weights, the sweep and early stopping: every line of each
    assert len(lines) >= 25, lines
    for line in lines:
        assert line in printed.splitlines(), line
    for figure in re.findall(r"^(?:no regularization|L2, lambda = 0.7|early stopping): .*$|^lambda = .*$", printed, re.M):
        assert figure in lines, f"printed but not given as expected output: {figure}"


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
