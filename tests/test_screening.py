"""Does the screen catch code that tampers with grading, and leave every honest solution alone?"""

import nbformat
import pytest

from autograder.catalogue.loader import load_cases
from autograder.grading.screening import screen_notebook, screen_source
from autograder.nbgrader_course import REPO_ROOT
from autograder.solutions import reference_answers
from autograder.submissions import code_without_docstring

TAMPERING = {
    "fake hidden-test module": "import sys, types\nsys.modules['autograder.checks.initialization'] = types.ModuleType('x')",
    "sys.modules without import": "import sys as s\ns.modules.pop('autograder', None)",
    "patched numpy": "np.std = lambda *a, **k: 10.0",
    "patched nested numpy": "import numpy\nnumpy.random.randn = lambda *shape: numpy.ones(shape)",
    "patched visible check": "import course.checks as c\nc.check_initialize_parameters_he = print",
    "imported checks": "from course import checks\nchecks.fail = print",
    "imported checks submodule": "from course.checks.regularization import close\nclose.__defaults__ = ()",
    "checks submodule as module": "import course.checks.regularization as r\nr.RTOL = 1.0",
    "setattr on a module": "setattr(np, 'std', lambda *a: 10.0)",
    "vars of a module": "vars(np)['std'] = lambda *a: 10.0",
    "grader import": "from autograder.checks import initialization",
    "builtins": "import builtins\nbuiltins.isinstance = lambda *a: True",
    "exec": "exec('import sys')",
    "dunder import": "__import__('sys').modules.clear()",
    "exception swallowing class": "class CheckFailure(Exception):\n    pass",
    "ipython hooks": "get_ipython().events.register('pre_run_cell', print)",
    "magic that runs python": "%time import autograder",
}


@pytest.mark.parametrize("name", TAMPERING)
def test_is_this_tampering_flagged(name):
    assert screen_source(TAMPERING[name]), name


ASSIGNMENTS = ("initialization", "regularization")
HONEST = [case for assignment in ASSIGNMENTS for case in load_cases(assignment)]


@pytest.mark.parametrize("case", HONEST, ids=lambda case: case.id)
def test_is_no_catalogue_solution_flagged(case):
    # Buggy solutions are wrong, not dishonest: none of them may be flagged either.
    assert screen_source(code_without_docstring(case.path)) == []


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_is_the_reference_solution_not_flagged(assignment):
    for name, source in reference_answers(assignment).items():
        assert screen_source(source) == [], name


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_is_the_untouched_release_not_flagged(assignment):
    notebook = nbformat.read(REPO_ROOT / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    assert screen_notebook(notebook) == []


def test_are_only_cells_the_student_can_change_screened():
    notebook = nbformat.read(REPO_ROOT / "release" / "initialization" / "initialization.ipynb", as_version=4)
    added = nbformat.v4.new_code_cell("import sys\nsys.modules.clear()")
    notebook.cells.append(added)
    locked = nbformat.v4.new_code_cell("exec('1')", metadata={"nbgrader": {"locked": True, "grade_id": "x"}})
    notebook.cells.append(locked)
    (finding,) = screen_notebook(notebook)
    assert finding.cell == f"cell {len(notebook.cells) - 1}" and "modules" in finding.reason


def test_does_a_cell_that_does_not_parse_go_to_the_tests_instead():
    assert screen_source("def f(:\n    pass") == []


@pytest.mark.parametrize("source, honest_use", [
    ("%timeit np.zeros(3)", "%timeit"),
    ("%%time\nx = np.zeros(3)", "%%time"),
    ("!pip install tqdm", "!pip"),
    ("print(sorted(name for name in globals() if not name.startswith('_')))", "its own names"),
])
def test_does_a_flag_on_honest_code_read_as_a_place_to_look_not_a_verdict(source, honest_use):
    # These are what honest students write; the instructor reading the flag is told so.
    (reason,) = screen_source(source)
    assert honest_use in reason, reason


def test_does_the_screening_module_say_that_flagged_scores_stand():
    import autograder.grading.screening as screening

    text = " ".join(screening.__doc__.split())
    assert "becomes 0" not in text and "the scores stand" in text
