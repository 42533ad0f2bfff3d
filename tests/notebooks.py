"""Running notebooks in tests as a student would."""

from nbclient import NotebookClient

from autograder.nbgrader_course import REPO_ROOT
from autograder.solutions import reference_answers
from autograder.submissions import fill_solutions


def run_as_student(notebook, folder):
    """Execute a notebook in `folder` with the student's environment (no autograder on the path)."""
    NotebookClient(notebook, timeout=120, allow_errors=True, resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def outputs_of(notebook, kind):
    """Every output of type `kind` ("stream", "error", "display_data", ...) of the code cells."""
    return [output for cell in notebook.cells if cell.cell_type == "code"
            for output in cell.outputs if output.output_type == kind]


def expected_check_lines(notebook):
    """The "✔ ..." lines of the notebook's expected outputs (in its markdown cells)."""
    return [line.strip() for cell in notebook.cells if cell.cell_type == "markdown"
            for line in cell.source.splitlines() if line.strip().startswith("\u2714")]


def run_completed_release(assignment, folder, figures, check_lines):
    """Run the release notebook completed with the reference solutions, as a student runs it.

    Checks that it raised nothing, wrote nothing to stderr, drew at least `figures` figures, and that
    its expected outputs give `check_lines` "✔" lines, each of which the checks printed.
    Returns (the executed notebook, everything it printed on stdout).
    """
    release = REPO_ROOT / "release" / assignment / f"{assignment}.ipynb"
    notebook = run_as_student(fill_solutions(release, reference_answers(assignment)), folder)
    assert outputs_of(notebook, "error") == []
    assert [o.text for o in outputs_of(notebook, "stream") if o.name == "stderr"] == []
    assert len(outputs_of(notebook, "display_data")) >= figures, "every figure is drawn"
    printed = "".join(o.text for o in outputs_of(notebook, "stream"))
    # What the notebook tells students to expect is what its checks print.
    expected = expected_check_lines(notebook)
    assert len(expected) == check_lines and all(line in printed for line in expected), (expected, printed)
    return notebook, printed
