"""Build student submissions from the release notebook: fill solution cells with given code.

Used by the demo and by the tests, which grade catalogue implementations through real nbgrader.
"""

import ast
import shutil
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder.course_paths import CoursePaths


def solution_cells(notebook):
    """{grade_id: cell} for every solution cell of an nbgrader notebook."""
    return {cell.metadata["nbgrader"]["grade_id"]: cell for cell in notebook.cells
            if cell.metadata.get("nbgrader", {}).get("solution")}


def fill_solutions(release_notebook_path, answers):
    """The release notebook with the solution cells named in `answers` replaced.

    Inputs:
    - release_notebook_path: path of the release .ipynb
    - answers: {grade_id: code}, e.g. {"initialize_parameters_he": "def initialize_parameters_he(...): ..."}
    Returns: the notebook (nbformat.NotebookNode); cells not named keep the release stub.
    """
    notebook = nbformat.read(release_notebook_path, as_version=4)
    cells = solution_cells(notebook)
    unknown = set(answers) - set(cells)
    if unknown:
        raise KeyError(f"no solution cell with grade_id {', '.join(sorted(unknown))}; "
                       f"the notebook has {', '.join(cells)}")
    for grade_id, code in answers.items():
        cells[grade_id].source = code
    return notebook


def write_submission(course_root: str | Path, assignment: str, student: str, notebooks: dict[str, NotebookNode]) -> Path:
    """Place a submission where `nbgrader autograde` looks: submitted/<student>/<assignment>/.

    Inputs:
    - notebooks: {notebook file name: NotebookNode}
    Returns: the submission folder (an older submission of that student is replaced).
    """
    folder = CoursePaths(course_root, assignment).submitted(student)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, notebook in notebooks.items():
        nbformat.write(notebook, folder / name)
    return folder


def code_without_docstring(path):
    """The code of a .py file without its leading module docstring (catalogue cases carry
    test metadata there that does not belong in a student's cell)."""
    text = Path(path).read_text()
    body = ast.parse(text).body
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
            and isinstance(body[0].value.value, str):
        text = "\n".join(text.splitlines()[body[0].end_lineno:])
    return text.strip() + "\n"
