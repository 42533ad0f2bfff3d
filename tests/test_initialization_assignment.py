"""Does the initialization assignment work from source notebook to nbgrader grades?

Real nbgrader, real kernels: the slow tests generate the release, validate, autograde catalogue
submissions and execute the notebook as a student would.
"""

import inspect
import re
import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import pipeline
from autograder.nbgrader_course import REPO_ROOT, grading_environment, load_course_config
from autograder.scores import read_scores
from autograder.solutions import initialization as solutions
from autograder.solutions import reference_answers
from autograder.submissions import code_without_docstring, fill_solutions, solution_cells, write_submission
from tests.catalogue.loader import load_cases

ASSIGNMENT = "initialization"
SOURCE = REPO_ROOT / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
RELEASE = REPO_ROOT / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
GRADED_FUNCTIONS = ["initialize_parameters_zeros", "initialize_parameters_random", "initialize_parameters_he"]


def nbgrader_cells(path):
    """{grade_id: cell} for every cell with nbgrader metadata, in notebook order."""
    return {cell.metadata["nbgrader"]["grade_id"]: cell
            for cell in nbformat.read(path, as_version=4).cells if "nbgrader" in cell.metadata}


def points_per_test():
    return {grade_id: cell.metadata["nbgrader"]["points"] for grade_id, cell in nbgrader_cells(SOURCE).items()
            if cell.metadata["nbgrader"]["grade"]}


# --- fast: the notebook's structure ---------------------------------------------------------------

def test_are_the_reference_solutions_exactly_the_source_solution_cells():
    cells = solution_cells(nbformat.read(SOURCE, as_version=4))
    assert list(cells) == GRADED_FUNCTIONS == list(reference_answers(ASSIGNMENT))
    for name, cell in cells.items():
        assert cell.source.strip() == inspect.getsource(getattr(solutions, name)).strip(), name


def test_does_every_graded_function_have_its_own_test_cell_with_thin_hidden_tests():
    cells = nbgrader_cells(SOURCE)
    for name in GRADED_FUNCTIONS:
        test = cells[f"test_{name}"]
        assert test.metadata["nbgrader"]["grade"] and test.metadata["nbgrader"]["points"] > 0
        hidden = re.search(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", test.source, re.S)
        assert hidden, f"test_{name} has no hidden tests"
        # Thin: an import from autograder and one call, no checking logic in the notebook.
        lines = hidden.group(1).strip().splitlines()
        assert lines == [f"from autograder.checks.initialization import grade_{name}", f"grade_{name}({name})"]


def test_does_the_release_hold_no_solution_hidden_test_or_grader_code():
    text = RELEASE.read_text()
    for secret in ("autograder", "HIDDEN TESTS", "BEGIN SOLUTION", "grade_initialize"):
        assert secret not in text, secret
    for name, cell in solution_cells(nbformat.read(RELEASE, as_version=4)).items():
        assert "raise NotImplementedError()" in cell.source, name
        body = inspect.getsource(getattr(solutions, name)).split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
        for line in body.strip().splitlines():
            assert line.strip() not in cell.source, f"{name} leaks the solution line {line.strip()!r}"


# --- slow: real nbgrader ----------------------------------------------------------------------------

@pytest.mark.slow
def test_is_the_committed_release_what_nbgrader_generates_now(course_root):
    fresh = pipeline.generate_release(course_root, ASSIGNMENT)
    committed = REPO_ROOT / "release" / ASSIGNMENT
    assert sorted(p.name for p in fresh.iterdir()) == sorted(p.name for p in committed.iterdir())
    for path in committed.iterdir():
        assert (fresh / path.name).read_bytes() == path.read_bytes(), \
            f"release/{ASSIGNMENT}/{path.name} is stale: run `python -m autograder release {ASSIGNMENT}`"


def validate(notebook_path, course_root):
    from nbgrader.validator import Validator

    return Validator(config=load_course_config(course_root)).validate(str(notebook_path))


@pytest.mark.slow
def test_does_the_source_notebook_pass_nbgrader_validate(course_root):
    with grading_environment():
        results = validate(course_root / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", course_root)
    assert results == {}, results


@pytest.mark.slow
def test_does_the_release_notebook_fail_every_test_in_nbgrader_validate(course_root, tmp_path):
    # As a student runs it: no grading environment, from a folder of its own.
    student_copy = tmp_path / "student" / f"{ASSIGNMENT}.ipynb"
    student_copy.parent.mkdir()
    shutil.copy(RELEASE, student_copy)
    results = validate(student_copy, course_root)
    failed = results["failed"]
    assert len(failed) == len(GRADED_FUNCTIONS)
    for failure, name in zip(failed, GRADED_FUNCTIONS):
        assert f"check_{name}({name})" in failure["source"]
        assert "raised NotImplementedError" in failure["raw_error"]


# --- slow: autograding a class of catalogue submissions ---------------------------------------------

# Catalogue cases graded through the real pipeline: every case that prints or warns (stderr is what
# nbgrader scores as zero), other styles, and the bug kinds the course must reject.
E2E_CASES = ("debug_prints", "harmless_numpy_warning", "default_rng_unseeded", "float32_dtype",
             "classic_course_seed3", "bug_fan_out", "bug_variance_not_std", "bug_xavier_scale",
             "bug_glorot_scale", "bug_times_0_01", "bug_rand_uniform", "bug_he_uniform",
             "bug_symmetric_uniform_matching_std", "bug_random_biases", "bug_1d_biases",
             "bug_transposed_weights", "bug_missing_last_layer", "bug_no_return", "bug_ones_weights",
             "bug_int_dtype_weights")


def catalogue_submissions():
    """Submissions bundling one selected case per graded function; functions without a case left
    get the reference solution. Returns {student: ({grade_id: code}, {test grade_id: expect_pass})}."""
    by_function = {name: [case for case in load_cases(ASSIGNMENT)
                          if case.function_name == name and case.name in E2E_CASES] for name in GRADED_FUNCTIONS}
    submissions = {}
    for index in range(max(len(cases) for cases in by_function.values())):
        answers, expected = {}, {}
        for name, cases in by_function.items():
            if index < len(cases):
                answers[name] = code_without_docstring(cases[index].path)
                expected[f"test_{name}"] = cases[index].expect_pass
            else:
                answers[name] = reference_answers(ASSIGNMENT)[name]
                expected[f"test_{name}"] = True
        submissions[f"catalogue_{index:02d}"] = (answers, expected)
    return submissions


def tampered_submissions(release):
    """Untouched solutions (which must score 0) with three ways of trying to get points anyway."""
    def untouched():
        return nbformat.read(release, as_version=4)

    edited, deleted, faked = untouched(), untouched(), untouched()
    for cell in edited.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            cell.source, cell.metadata["nbgrader"]["points"] = "pass", 100
    deleted.cells = [cell for cell in deleted.cells if not cell.metadata.get("nbgrader", {}).get("grade")]
    fake_module = ("import sys, types\n"
                   "fake = types.ModuleType('autograder.checks.initialization')\n"
                   "fake.__getattr__ = lambda name: (lambda function: None)\n"
                   "sys.modules['autograder.checks.initialization'] = fake\n"
                   "import course.checks\n"
                   "for name in dir(course.checks):\n"
                   "    if name.startswith('check_'):\n"
                   "        setattr(course.checks, name, lambda function: None)\n")
    first_solution = next(iter(solution_cells(faked).values()))
    first_solution.source = fake_module + first_solution.source
    return {"tampered_edited_tests": edited, "tampered_deleted_tests": deleted, "tampered_fake_modules": faked}


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """A course root where the reference, the untouched release and the catalogue bundles have been
    autograded, with feedback and grades.csv. Returns (course_root, {student: StudentScores}, expected)."""
    from tests.conftest import make_course_root

    root = make_course_root(tmp_path_factory.mktemp("course"))
    release = pipeline.generate_release(root, ASSIGNMENT) / f"{ASSIGNMENT}.ipynb"
    reference = reference_answers(ASSIGNMENT)
    expected = {"reference": {f"test_{n}": True for n in GRADED_FUNCTIONS},
                "untouched": {f"test_{n}": False for n in GRADED_FUNCTIONS}}
    write_submission(root, ASSIGNMENT, "reference", {release.name: fill_solutions(release, reference)})
    write_submission(root, ASSIGNMENT, "untouched", {release.name: nbformat.read(release, as_version=4)})
    for student, (answers, expect) in catalogue_submissions().items():
        write_submission(root, ASSIGNMENT, student, {release.name: fill_solutions(release, answers)})
        expected[student] = expect
    for student, notebook in tampered_submissions(release).items():
        write_submission(root, ASSIGNMENT, student, {release.name: notebook})
        expected[student] = {f"test_{n}": False for n in GRADED_FUNCTIONS}
    pipeline.grade(root, ASSIGNMENT)
    scores = {result.student: result for result in read_scores(root, ASSIGNMENT)}
    return root, scores, expected


@pytest.mark.slow
def test_does_the_selection_cover_every_case_it_names():
    covered = {case.name for case in load_cases(ASSIGNMENT) if case.name in E2E_CASES}
    assert covered == set(E2E_CASES)


@pytest.mark.slow
def test_does_the_reference_solution_get_full_marks(graded_class):
    _, scores, _ = graded_class
    assert scores["reference"].total == (sum(points_per_test().values()),) * 2


@pytest.mark.slow
def test_does_the_untouched_release_get_zero(graded_class):
    _, scores, _ = graded_class
    assert scores["untouched"].total == (0, sum(points_per_test().values()))
    assert all("raised NotImplementedError" in reason for reason in scores["untouched"].reasons.values())


@pytest.mark.slow
def test_does_each_catalogue_submission_get_exactly_the_expected_points_per_test_cell(graded_class):
    _, scores, expected = graded_class
    points = points_per_test()
    for student, expect in expected.items():
        got = {grade_id: score for grade_id, (score, _) in scores[student].points.items()}
        want = {grade_id: points[grade_id] if passes else 0 for grade_id, passes in expect.items()}
        assert got == want, f"{student}: {scores[student].reasons}"


@pytest.mark.slow
def test_does_every_lost_point_come_with_a_one_sentence_check_failure(graded_class):
    _, scores, _ = graded_class
    for result in scores.values():
        if result.student.startswith("tampered"):
            continue
        for grade_id, reason in result.reasons.items():
            assert reason.startswith("CheckFailure: ") and reason.endswith("."), (result.student, grade_id, reason)


@pytest.mark.slow
def test_are_feedback_and_grades_written_for_every_student(graded_class):
    root, scores, _ = graded_class
    for student in scores:
        assert (root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").is_file()
    rows = (root / "grades.csv").read_text().strip().splitlines()
    assert len(rows) == 1 + len(scores)


# --- slow: the notebook as a student runs it ----------------------------------------------------------

def run_as_student(notebook, folder):
    """Execute a notebook in `folder` with the student's environment (no autograder on the path)."""
    NotebookClient(notebook, timeout=120, allow_errors=True, resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def outputs_of(notebook, kind):
    return [output for cell in notebook.cells if cell.cell_type == "code"
            for output in cell.outputs if output.output_type == kind]


@pytest.mark.slow
def test_does_the_completed_release_tell_the_initialization_story(tmp_path):
    reference = reference_answers(ASSIGNMENT)
    notebook = run_as_student(fill_solutions(RELEASE, reference), tmp_path)
    assert outputs_of(notebook, "error") == []
    assert [o.text for o in outputs_of(notebook, "stream") if o.name == "stderr"] == []
    printed = "".join(o.text for o in outputs_of(notebook, "stream"))
    assert not re.search(r"\b(inf|nan)\b", printed), "the notebook must never print inf or nan"
    accuracy = {name: (float(train) / 100, float(test) / 100) for name, train, test in
                re.findall(r"^(zeros|random x 10|He)\s+([\d.]+)%\s+([\d.]+)%$", printed, re.M)}
    assert set(accuracy) == {"zeros", "random x 10", "He"}, printed
    assert all(abs(value - 0.5) <= 0.05 for value in accuracy["zeros"])
    assert accuracy["He"][0] >= 0.95 and accuracy["He"][1] >= 0.95
    assert accuracy["random x 10"][1] <= accuracy["He"][1] - 0.1
    # Zero initialization leaves the cost flat at log 2; x10 starts far above it.
    zero_costs = [float(c) for c in re.findall(r"cost (\d+\.\d+)", printed)[:5]]
    assert all(abs(c - 0.6931) < 1e-3 for c in zero_costs)
    first_random_cost = float(re.findall(r"cost (\d+\.\d+)", printed)[5])
    assert first_random_cost > 10
    assert len(outputs_of(notebook, "display_data")) >= 6, "every figure is drawn"


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


@pytest.mark.slow
def test_does_tampering_earn_nothing_and_say_why(graded_class):
    _, scores, _ = graded_class
    assert set(scores["tampered_deleted_tests"].reasons.values()) == {"the test cell was deleted from the submission"}
    for reason in scores["tampered_fake_modules"].reasons.values():
        assert reason.startswith("Automatic grading suspended for an instructor's review") and ".modules" in reason
