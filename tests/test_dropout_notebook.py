"""Does the dropout notebook tell its story when a student runs it?

Real kernels: the release, completed with the reference solutions, runs as a student runs it, and
the numbers it prints must show what the notebook teaches. The reference draws its masks with
np.random.rand after the np.random.seed(1) of the notebook's `model`, so the numbers it prints are
the ones the notebook gives as expected output (other correct styles draw other masks; the notebook
says how much their numbers vary).
"""

import re

import pytest

from tests.notebooks import run_completed_release

ASSIGNMENT = "dropout"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """(everything the completed release printed, the notebook's markdown), after checking it ran
    without errors or stderr and drew its figures."""
    notebook, text = run_completed_release(ASSIGNMENT, tmp_path_factory.mktemp("student"), figures=3, check_lines=2)
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    return text, markdown


@pytest.fixture(scope="module")
def printed(run):
    return run[0]


def accuracies(printed, model):
    """(train, dev, test, gap) of a model's line in the notebook's report, as fractions."""
    line = re.search(rf"^{re.escape(model)}: train accuracy ([\d.]+)%, dev accuracy ([\d.]+)%, "
                     rf"test accuracy ([\d.]+)%, gap train - test ([\d.]+)%$", printed, re.M)
    assert line, f"no report for {model!r} in:\n{printed}"
    return tuple(float(value) / 100 for value in line.groups())


@pytest.mark.slow
def test_does_the_unregularized_model_overfit(printed):
    train, dev, test, gap = accuracies(printed, "no regularization")
    assert train >= 0.93 and gap >= 0.08 and train - dev >= 0.05


@pytest.mark.slow
def test_does_dropout_shrink_the_gap_between_train_and_test(printed):
    plain, dropout = accuracies(printed, "no regularization"), accuracies(printed, "dropout, keep_prob = 0.7")
    assert dropout[0] < plain[0], "lower training accuracy"
    assert dropout[1] > plain[1] and dropout[2] > plain[2], "higher dev and test accuracy"
    assert dropout[3] < plain[3] - 0.02, "a smaller gap"


@pytest.mark.slow
def test_does_the_table_compare_none_l2_and_dropout_on_the_same_data(printed):
    rows = {name.strip(): [float(v) / 100 for v in values] for name, *values in
            re.findall(r"^(no regularization|L2, lambda = 0.7|dropout, keep_prob = 0.7)\s+([\d.]+)%\s+([\d.]+)%\s+"
                       r"([\d.]+)%\s+([\d.]+)%$", printed, re.M)}
    assert sorted(rows) == ["L2, lambda = 0.7", "dropout, keep_prob = 0.7", "no regularization"]
    for name in ("no regularization", "dropout, keep_prob = 0.7"):
        assert tuple(rows[name]) == pytest.approx(accuracies(printed, name)), name
    assert all(rows[name][3] < rows["no regularization"][3] for name in ("L2, lambda = 0.7", "dropout, keep_prob = 0.7"))


@pytest.mark.slow
def test_does_keep_prob_1_reproduce_the_provided_training_and_is_the_cost_noisy_with_dropout(printed):
    assert "keep_prob = 1: your passes give the provided training's cost at 101 of 101 recorded iterations" in printed
    found = re.search(r"largest rise from one recorded cost to the next: ([\d.]+) without dropout, ([\d.]+) with dropout",
                      printed)
    assert found and float(found[2]) > 5 * float(found[1])
    # The notebook says a correct network's cost may rise now and then without dropout: it does.
    assert float(found[1]) > 0


def run_the_debug_cell(forward, backward):
    """What the notebook's keep_prob = 1 cell prints with these two functions (run in-process)."""
    import contextlib
    import io

    import nbformat
    import numpy as np

    from autograder.nbgrader_course import REPO_ROOT
    from course.datasets import load_dataset
    from course.network import compute_cost, load_initial_parameters, train

    notebook = nbformat.read(REPO_ROOT / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    cell = next(cell for cell in notebook.cells if cell.metadata.get("nbgrader", {}).get("grade_id") == "debug_keep_prob_1")
    train_X, train_Y, _, _ = load_dataset("wave")
    namespace = {"np": np, "train": train, "load_initial_parameters": load_initial_parameters,
                 "compute_cost": compute_cost, "train_X": train_X, "train_Y": train_Y,
                 "forward_propagation_with_dropout": forward, "backward_propagation_with_dropout": backward}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(cell.source, namespace)
    return printed.getvalue()


def catalogue_function(function_name, name):
    from autograder.catalogue.loader import load_cases
    return next(case for case in load_cases(ASSIGNMENT) if case.function_name == function_name and case.name == name).load()


@pytest.mark.parametrize("forward, backward, same", [
    ("bool_masks", "relu_derivative_from_z", True),
    ("nested_lists_of_bools", "einsum_products", True),
    ("float32_pipeline", "float32_pipeline", True),
    ("bool_masks", "bug_relu_derivative_A_ge_0", False),
    ("bool_masks", "bug_no_1_over_m_in_dW2", False),
    ("bug_keeps_with_one_minus_keep_prob", "relu_derivative_from_z", False),
])
def test_does_the_keep_prob_1_cell_tell_right_passes_from_wrong_ones(forward, backward, same):
    printed = run_the_debug_cell(catalogue_function("forward_propagation_with_dropout", forward),
                                 catalogue_function("backward_propagation_with_dropout", backward))
    assert ("at 101 of 101 recorded iterations" in printed) == same, printed
    assert ("first difference at iteration" in printed) != same, printed


@pytest.mark.slow
def test_are_the_printed_figures_the_expected_output_the_notebook_gives(run):
    printed, markdown = run
    blocks = re.findall(r"\*\*Expected output.*?```\n(.*?)```", markdown, re.S)
    lines = [line for block in blocks for line in block.splitlines() if line.strip() and line != "..."]
    assert len(lines) >= 10
    for line in lines:
        assert line.strip() in printed, line


@pytest.mark.slow
def test_does_the_notebook_never_print_inf_or_nan(printed):
    assert not re.search(r"\b(inf|nan)\b", printed)
