"""Running notebooks in tests as a student would."""

from nbclient import NotebookClient


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
