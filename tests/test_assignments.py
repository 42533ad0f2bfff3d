"""Does every assignment work from source notebook to nbgrader grades?

The same questions for each assignment, with real nbgrader and real kernels in the slow tests:
the release is what nbgrader generates and leaks nothing, validate passes on the source and fails
on the release, and a class of catalogue submissions gets exactly the expected points per test
cell, with a one-sentence reason for every lost point. What each notebook must show when it runs is
tested in test_<assignment>_notebook.py.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.assignments import ASSIGNMENTS
from autograder.catalogue.loader import load_cases
from autograder.grading import pipeline
from autograder.grading.scores import read_scores
from autograder.nbgrader_course import REPO_ROOT, grading_environment, load_course_config
from autograder.solutions import reference_answers
from autograder.submissions import code_without_docstring, fill_solutions, solution_cells, write_submission

by_name = pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=str)


def nbgrader_cells(path):
    """{grade_id: cell} for every cell with nbgrader metadata, in notebook order."""
    return {cell.metadata["nbgrader"]["grade_id"]: cell
            for cell in nbformat.read(path, as_version=4).cells if "nbgrader" in cell.metadata}


def points_per_test(assignment):
    return {grade_id: cell.metadata["nbgrader"]["points"] for grade_id, cell in nbgrader_cells(assignment.source).items()
            if cell.metadata["nbgrader"]["grade"]}


# --- fast: the notebook's structure ---------------------------------------------------------------

@by_name
def test_are_the_reference_solutions_exactly_the_source_solution_cells(assignment):
    cells = solution_cells(nbformat.read(assignment.source, as_version=4))
    references = reference_answers(assignment.name)
    assert list(cells) == list(references)
    for name, cell in cells.items():
        assert cell.source.strip() == references[name].strip(), name


@by_name
def test_does_every_graded_function_have_its_own_test_cell_with_thin_hidden_tests(assignment):
    cells = nbgrader_cells(assignment.source)
    assert sorted(points_per_test(assignment)) == sorted(f"test_{name}" for name in assignment.graded_functions)
    for name in assignment.graded_functions:
        test = cells[f"test_{name}"]
        assert test.metadata["nbgrader"]["grade"] and test.metadata["nbgrader"]["points"] > 0
        assert thin_call(f"check_{name}", name, assignment) in test.source, "the visible check runs first"
        hidden = re.search(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", test.source, re.S)
        assert hidden, f"test_{name} has no hidden tests"
        # Thin: an import from autograder and one call, no checking logic in the notebook.
        lines = hidden.group(1).strip().splitlines()
        assert lines == [f"from autograder.checks.{assignment.name} import grade_{name}",
                         thin_call(f"grade_{name}", name, assignment)]


def thin_call(check, name, assignment):
    """How a test cell calls a check of graded function `name`: check(name), or check(name, f, ...) when
    the check also needs the kernel's earlier graded functions (the gradient_check of the gradient
    checking notebook is judged with the student's own forward and backward pass)."""
    earlier = THIN_CALL_EXTRAS.get((assignment.name, name), ())
    assert set(earlier) <= set(assignment.graded_functions), earlier
    return f"{check}({', '.join((name, *earlier))})"


THIN_CALL_EXTRAS = {("gradient_checking", "gradient_check"): ("forward_propagation", "backward_propagation")}


@by_name
def test_does_the_release_hold_no_solution_hidden_test_or_grader_code(assignment):
    text = assignment.release.read_text()
    secrets = ["autograder", "HIDDEN TESTS", "BEGIN SOLUTION"] + [f"grade_{n}(" for n in assignment.graded_functions]
    for secret in secrets:
        assert secret not in text, secret
    for name, cell in solution_cells(nbformat.read(assignment.release, as_version=4)).items():
        assert "raise NotImplementedError()" in cell.source, name
        body = reference_answers(assignment.name)[name].split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
        for line in filter(str.strip, body.splitlines()):
            assert line.strip() not in cell.source, f"{name} leaks the solution line {line.strip()!r}"


@by_name
def test_does_the_selection_cover_every_case_it_names(assignment):
    covered = {case.name for case in load_cases(assignment.name) if case.name in assignment.end_to_end_cases}
    assert covered == set(assignment.end_to_end_cases)


# --- slow: real nbgrader ----------------------------------------------------------------------------

@pytest.mark.slow
@by_name
def test_is_the_committed_release_what_nbgrader_generates_now(assignment, course_root):
    fresh = pipeline.generate_release(course_root, assignment.name)
    committed = REPO_ROOT / "release" / assignment.name
    assert sorted(p.name for p in fresh.iterdir()) == sorted(p.name for p in committed.iterdir())
    for path in committed.iterdir():
        assert (fresh / path.name).read_bytes() == path.read_bytes(), \
            f"release/{assignment}/{path.name} is stale: run `python -m autograder release {assignment}`"


def validate(notebook_path, course_root):
    from nbgrader.validator import Validator

    return Validator(config=load_course_config(course_root)).validate(str(notebook_path))


@pytest.mark.slow
@by_name
def test_does_the_source_notebook_pass_nbgrader_validate(assignment, course_root):
    with grading_environment():
        results = validate(course_root / "source" / assignment.name / assignment.source.name, course_root)
    assert results == {}, results


@pytest.mark.slow
@by_name
def test_does_the_release_notebook_fail_every_test_in_nbgrader_validate(assignment, course_root, tmp_path):
    # As a student runs it: no grading environment, from a folder of its own.
    student_copy = tmp_path / "student" / assignment.release.name
    student_copy.parent.mkdir()
    shutil.copy(assignment.release, student_copy)
    failed = validate(student_copy, course_root)["failed"]
    assert len(failed) == len(assignment.graded_functions)
    for failure, name in zip(failed, assignment.graded_functions):
        assert thin_call(f"check_{name}", name, assignment) in failure["source"]
        # The sentence is wrapped to fit `nbgrader validate`'s lines.
        assert "raised NotImplementedError" in " ".join(failure["raw_error"].split())


def visible_sentence(case):
    """The visible check's sentence on this case, if it fails it the same way on every run; else None."""
    import contextlib
    import io

    import course.checks
    from course.checks import CheckFailure

    sentences = set()
    for _ in range(3):
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                getattr(course.checks, f"check_{case.function_name}")(case.load())
        except CheckFailure as failure:
            sentences.add(failure.sentence)
        else:
            return None
    return sentences.pop() if len(sentences) == 1 else None


@pytest.mark.slow
@by_name
def test_does_nbgrader_validate_print_the_whole_sentence_of_each_visible_check(assignment, tmp_path):
    # For each graded function, the catalogue bug with the longest (run-independent) visible sentence.
    answers, sentences = {}, {}
    for name in assignment.graded_functions:
        said = [(sentence, case) for case in load_cases(assignment.name)
                if case.function_name == name and not case.expect_pass
                for sentence in [visible_sentence(case)] if sentence]
        if said:
            sentence, case = max(said, key=lambda pair: len(pair[0]))
            answers[name], sentences[name] = code_without_docstring(case.path), sentence
    assert sentences and max(len(s) for s in sentences.values()) > 83, sentences
    student_copy = tmp_path / "student" / assignment.release.name
    student_copy.parent.mkdir()
    nbformat.write(fill_solutions(assignment.release, answers), student_copy)
    # As a student runs it: the command line, from the notebook's folder, with no course config.
    nbgrader = Path(sys.executable).with_name("nbgrader")
    printed = subprocess.run([str(nbgrader), "validate", student_copy.name], cwd=student_copy.parent,
                             capture_output=True, text=True, timeout=600).stdout
    assert "VALIDATION FAILED" in printed, printed
    flowing = " ".join(printed.split())
    for name, sentence in sentences.items():
        assert f"CheckFailure: {sentence}" in flowing, f"{name}: {sentence!r} not whole in:\n{printed}"


# --- slow: autograding a class of catalogue submissions ---------------------------------------------

def catalogue_submissions(assignment):
    """Submissions bundling one selected case per graded function; functions without a case left
    get the reference solution. Returns {student: ({grade_id: code}, {test grade_id: expect_pass})}."""
    by_function = {name: [case for case in load_cases(assignment.name)
                          if case.function_name == name and case.name in assignment.end_to_end_cases]
                   for name in assignment.graded_functions}
    reference = reference_answers(assignment.name)
    submissions = {}
    for index in range(max(len(cases) for cases in by_function.values())):
        answers, expected = {}, {}
        for name, cases in by_function.items():
            if index < len(cases):
                answers[name] = code_without_docstring(cases[index].path)
                expected[f"test_{name}"] = cases[index].expect_pass
            else:
                answers[name] = reference[name]
                expected[f"test_{name}"] = True
        submissions[f"catalogue_{index:02d}"] = (answers, expected)
    return submissions


def tampered_submissions(assignment, release):
    """Untouched solutions (which must score 0) with three ways of trying to get points anyway."""
    def untouched():
        return nbformat.read(release, as_version=4)

    edited, deleted, faked = untouched(), untouched(), untouched()
    for cell in edited.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            cell.source, cell.metadata["nbgrader"]["points"] = "pass", 100
    deleted.cells = [cell for cell in deleted.cells if not cell.metadata.get("nbgrader", {}).get("grade")]
    fake_module = (f"import sys, types\n"
                   f"fake = types.ModuleType('autograder.checks.{assignment.name}')\n"
                   f"fake.__getattr__ = lambda name: (lambda function: None)\n"
                   f"sys.modules['autograder.checks.{assignment.name}'] = fake\n"
                   f"import course.checks\n"
                   f"for name in dir(course.checks):\n"
                   f"    if name.startswith('check_'):\n"
                   f"        setattr(course.checks, name, lambda function: None)\n")
    first_solution = next(iter(solution_cells(faked).values()))
    first_solution.source = fake_module + first_solution.source
    return {"tampered_edited_tests": edited, "tampered_deleted_tests": deleted, "tampered_fake_modules": faked}


@pytest.fixture(scope="module", params=ASSIGNMENTS, ids=str)
def graded_class(request, tmp_path_factory):
    """A course root where the reference, the untouched release, the catalogue bundles and the
    tampered copies of one assignment have been autograded, with feedback and grades.csv.
    Returns (assignment, course_root, {student: StudentScores}, {student: {test: expect_pass}})."""
    from tests.conftest import make_course_root

    assignment = request.param
    root = make_course_root(tmp_path_factory.mktemp(assignment.name))
    release = pipeline.generate_release(root, assignment.name) / assignment.release.name
    tests = [f"test_{name}" for name in assignment.graded_functions]
    expected = {"reference": dict.fromkeys(tests, True), "untouched": dict.fromkeys(tests, False)}
    write_submission(root, assignment.name, "reference",
                     {release.name: fill_solutions(release, reference_answers(assignment.name))})
    write_submission(root, assignment.name, "untouched", {release.name: nbformat.read(release, as_version=4)})
    for student, (answers, expect) in catalogue_submissions(assignment).items():
        write_submission(root, assignment.name, student, {release.name: fill_solutions(release, answers)})
        expected[student] = expect
    for student, notebook in tampered_submissions(assignment, release).items():
        write_submission(root, assignment.name, student, {release.name: notebook})
        expected[student] = dict.fromkeys(tests, False)
    pipeline.grade(root, assignment.name)
    scores = {result.student: result for result in read_scores(root, assignment.name)}
    return assignment, root, scores, expected


@pytest.mark.slow
def test_does_the_reference_solution_get_full_marks(graded_class):
    assignment, _, scores, _ = graded_class
    assert scores["reference"].total == (sum(points_per_test(assignment).values()),) * 2


@pytest.mark.slow
def test_does_the_untouched_release_get_zero(graded_class):
    assignment, _, scores, _ = graded_class
    assert scores["untouched"].total == (0, sum(points_per_test(assignment).values()))
    assert all("raised NotImplementedError" in reason for reason in scores["untouched"].reasons.values())


@pytest.mark.slow
def test_does_each_catalogue_submission_get_exactly_the_expected_points_per_test_cell(graded_class):
    assignment, _, scores, expected = graded_class
    points = points_per_test(assignment)
    for student, expect in expected.items():
        got = {grade_id: score for grade_id, (score, _) in scores[student].points.items()}
        want = {grade_id: points[grade_id] if passes else 0 for grade_id, passes in expect.items()}
        assert got == want, f"{student}: {scores[student].reasons}"


@pytest.mark.slow
def test_does_every_lost_point_come_with_a_one_sentence_check_failure(graded_class):
    _, _, scores, _ = graded_class
    for result in scores.values():
        if result.student.startswith("tampered"):
            continue
        for grade_id, reason in result.reasons.items():
            assert reason.startswith("CheckFailure: ") and reason.endswith("."), (result.student, grade_id, reason)


@pytest.mark.slow
def test_does_the_reason_for_each_lost_point_name_the_catalogue_bug(graded_class):
    assignment, _, scores, _ = graded_class
    case_of = {(case.function_name, code_without_docstring(case.path)): case for case in load_cases(assignment.name)}
    for student, (answers, _) in catalogue_submissions(assignment).items():
        for grade_id, reason in scores[student].reasons.items():
            function_name = grade_id.removeprefix("test_")
            case = case_of[function_name, answers[function_name]]
            for word in case.mentions:
                assert word.lower() in reason.lower(), (student, case.name, reason)


@pytest.mark.slow
def test_are_feedback_and_grades_written_for_every_student(graded_class):
    assignment, root, scores, _ = graded_class
    for student in scores:
        assert (root / "feedback" / student / assignment.name / f"{assignment.name}.html").is_file()
    rows = (root / "grades.csv").read_text().strip().splitlines()
    assert len(rows) == 1 + len(scores)


@pytest.mark.slow
def test_does_tampering_earn_nothing_and_say_why(graded_class):
    _, _, scores, _ = graded_class
    # Deleted test cells are put back from the release and run: the untouched solutions earn nothing,
    # and the note says what was put back (which flags the submission for review).
    deleted = scores["tampered_deleted_tests"]
    assert deleted.total[0] == 0
    assert all("raised NotImplementedError" in reason for reason in deleted.reasons.values()), deleted.reasons
    assert len(deleted.notes) == 1 and "was missing and was put back from the release notebook" in deleted.notes[0]
    assert deleted.review and "put back" in deleted.review
    # The fake modules live in the student's kernel; the test cells run in the grader and find the
    # untouched functions. The screen still flags the notebook for an instructor's look.
    faked = scores["tampered_fake_modules"]
    assert all("raised NotImplementedError" in reason for reason in faked.reasons.values()), faked.reasons
    assert faked.review and ".modules" in faked.review


@pytest.mark.slow
def test_is_no_honest_submission_flagged_for_review(graded_class):
    _, _, scores, _ = graded_class
    assert [student for student, result in scores.items() if result.review] == ["tampered_deleted_tests",
                                                                                 "tampered_fake_modules"]


@pytest.mark.slow
def test_does_feedback_show_each_students_failure_sentence_but_no_hidden_test(graded_class):
    assignment, root, scores, _ = graded_class
    for student, result in scores.items():
        page = (root / "feedback" / student / assignment.name / f"{assignment.name}.html").read_text()
        # (A tampered notebook may name autograder in its own cells: look for the hidden lines.)
        assert "HIDDEN TESTS" not in page and "import grade_" not in page, student
        for reason in result.reasons.values():
            if reason.startswith("CheckFailure: "):
                sentence = reason.removeprefix("CheckFailure: ")
                assert sentence.split(" (")[0].replace("'", "&#39;")[:40] in page.replace("&#x27;", "&#39;"), (student, reason)
