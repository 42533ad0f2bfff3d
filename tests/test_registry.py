"""Does the registry of assignments (autograder/assignments.py) agree with the files of each one?

Every list of assignments (demo, benchmarks, notebook and catalogue tests) reads the registry, so an
assignment missing from it, or an entry that names a function or case that does not exist, would
silently go untested: these tests make that loud.
"""

import importlib

import nbformat
import pytest

from autograder import assignments
from autograder.assignments import ASSIGNMENTS
from autograder.catalogue.loader import load_cases
from autograder.nbgrader_course import REPO_ROOT
from autograder.solutions import reference_answers
from autograder.submissions import solution_cells
from course import checks as visible

by_name = pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=str)


def test_is_every_assignment_in_source_in_the_registry_and_nothing_else():
    in_source = {path.name for path in (REPO_ROOT / "source").iterdir() if (path / f"{path.name}.ipynb").is_file()}
    assert sorted(assignments.names()) == sorted(in_source)
    assert len(set(assignments.names())) == len(ASSIGNMENTS)


def test_does_an_unknown_name_say_which_assignments_there_are():
    assert assignments.by_name("dropout").name == "dropout"
    with pytest.raises(KeyError, match=r"no assignment 'dropuot' .*regularization"):
        assignments.by_name("dropuot")


@by_name
def test_are_the_graded_functions_the_solution_cells_and_the_reference_solutions(assignment):
    cells = solution_cells(nbformat.read(assignment.source, as_version=4))
    assert tuple(cells) == assignment.graded_functions == tuple(reference_answers(assignment.name))
    assert assignment.release.is_file()


@by_name
def test_does_every_graded_function_have_a_visible_and_a_hidden_check(assignment):
    hidden = importlib.import_module(f"autograder.checks.{assignment.name}")
    for function in assignment.graded_functions:
        assert callable(getattr(visible, f"check_{function}", None)), f"course.checks.check_{function}"
        assert callable(getattr(hidden, f"grade_{function}", None)), f"autograder.checks.{assignment.name}.grade_{function}"


@by_name
def test_are_the_demo_submissions_catalogue_cases_of_the_right_kind(assignment):
    cases = {(case.function_name, case.path.name): case for case in load_cases(assignment.name)}
    assert set(assignment.demo) == {"ada_correct", "bob_buggy", "cyd_untouched"}
    assert dict(assignment.demo["cyd_untouched"]) == {}
    for student, expect_pass in (("ada_correct", True), ("bob_buggy", False)):
        answers = assignment.demo[student]
        assert set(answers) == set(assignment.graded_functions), student
        assert all(cases[function, case].expect_pass for function, case in answers.items()) if expect_pass else \
            any(not cases[function, case].expect_pass for function, case in answers.items()), student


@by_name
def test_are_the_end_to_end_cases_in_the_catalogue(assignment):
    names = {case.name for case in load_cases(assignment.name)}
    assert set(assignment.end_to_end_cases) <= names
    assert assignment.notebook_seconds > 0
