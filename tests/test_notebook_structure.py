"""Does every assignment notebook follow the course's structure, and print what it says it prints?

The conventions are in tests/notebook_structure.py. Every assignment of the registry
(autograder/assignments.py) is checked, so a new one is covered without editing this file. The
slow tests execute the release completed with the reference solutions twice: with this machine's
BLAS, and with another BLAS kernel (OpenBLAS told to use an older CPU's code, which changes the
last bits as another CPU or build does). An expected output that holds in one and not the other pins a figure that is not stable.
"""

import nbformat
import pytest

from autograder.assignments import names
from autograder.nbgrader_course import REPO_ROOT
from autograder.solutions import reference_answers
from autograder.submissions import fill_solutions
from tests import notebook_structure as structure
from tests.blas import other_blas_kernel
from tests.notebooks import run_as_student

ASSIGNMENTS = names()   # tests/test_registry.py checks that it is every notebook in source/


def source(assignment):
    return nbformat.read(REPO_ROOT / "source" / assignment / f"{assignment}.ipynb", as_version=4)


def test_are_there_notebooks_to_check():
    assert len(ASSIGNMENTS) >= 4, ASSIGNMENTS


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_are_sections_and_exercises_numbered_without_gaps(assignment):
    assert structure.numbering_problems(source(assignment)) == []


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_is_every_graded_function_introduced_by_an_exercise_that_names_it(assignment):
    notebook = source(assignment)
    assert any(structure.graded_functions(cell) for cell in notebook.cells)
    assert structure.exercise_problems(notebook) == []


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_is_the_core_text_short(assignment):
    words = structure.core_words(source(assignment))
    assert words <= structure.CORE_WORDS, (
        f"{words} words of markdown outside <details> blocks; at most {structure.CORE_WORDS}: "
        "fold optional depth into <details>")


@pytest.mark.slow
@pytest.mark.parametrize("blas", ["this machine's BLAS", "another BLAS kernel"])
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_does_the_completed_notebook_print_its_expected_outputs(assignment, blas, tmp_path, monkeypatch):
    if blas == "another BLAS kernel":
        for name, value in other_blas_kernel().items():
            monkeypatch.setenv(name, value)   # the kernel process inherits it
    release = REPO_ROOT / "release" / assignment / f"{assignment}.ipynb"
    executed = run_as_student(fill_solutions(release, reference_answers(assignment)), tmp_path)
    problems, compared = structure.expected_output_problems(executed)
    assert compared >= 2, "every notebook shows what its checks print"
    assert problems == [], "\n\n".join(problems)
