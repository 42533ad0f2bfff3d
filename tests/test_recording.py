"""Does recording a submission on its worker write what nbgrader's autograde writes in the grading process?

Workers record each submission with nbgrader's own autograde and feedback in a scratch course, and
the grading process copies the rows into the course's gradebook (autograder.grading.recording).
These tests grade the same class both ways and compare the gradebooks, and check the cases the
grading process keeps for nbgrader: what an instructor set by hand, and a write that fails.
"""

import pytest
from nbgrader.api import Gradebook

from autograder.grading import pipeline, recording
from autograder.grading.scores import read_scores
from tests import messy_class
from tests.conftest import make_course_root

pytestmark = pytest.mark.slow
ASSIGNMENT = "regularization"
PAIR = ["honest_ada", "buggy_backward"]


def course(directory, students):
    directory.mkdir(parents=True, exist_ok=True)
    root = make_course_root(directory)
    messy_class.hand_in(root, students)
    return root


def gradebook_rows(root):
    """{student: {notebook: (late penalty, {cell: grade columns}, {cell: comment columns})}}, and
    whether each submission has a timestamp: what nbgrader's autograde and the review write."""
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        return {submission.student_id: (submission.timestamp is not None, {notebook.name: (
            notebook.late_submission_penalty,
            {g.name: (g.auto_score, g.manual_score, g.extra_credit, g.needs_manual_grade) for g in notebook.grades},
            {c.name: (c.auto_comment, c.manual_comment) for c in notebook.comments},
        ) for notebook in submission.notebooks}) for submission in gradebook.assignment_submissions(ASSIGNMENT)}


def files(root, folder):
    return sorted(str(path.relative_to(root / folder)) for path in (root / folder).rglob("*") if path.is_file())


def grade(root, **options):
    return pipeline.grade(root, ASSIGNMENT, progress=False, **options)


def test_does_the_messy_class_record_the_same_rows_on_the_workers_as_with_nbgrader(tmp_path):
    by_nbgrader = course(tmp_path / "nbgrader", list(messy_class.CLASS))
    on_workers = course(tmp_path / "workers", list(messy_class.CLASS))
    run = grade(by_nbgrader, workers=2, record_on_workers=False)
    assert sorted(run.recorded_by_nbgrader) == sorted(messy_class.CLASS)
    # The grading process's cost per submission, which the benchmark reports, is measured on both paths.
    assert set(run.recording_cpu) == set(run.recording) == set(messy_class.CLASS)
    assert all(0 < run.recording_cpu[s] <= run.recording[s] + 0.01 for s in run.recording)
    run = grade(on_workers, workers=2)
    assert run.recorded_by_nbgrader == [] and not run.not_graded
    assert set(run.recording_cpu) == set(run.recording) == set(messy_class.CLASS)
    assert all(0 < run.recording_cpu[s] <= run.recording[s] + 0.01 for s in run.recording)

    assert gradebook_rows(on_workers) == gradebook_rows(by_nbgrader)
    scores = {root: {r.student: (r.total, r.reasons, r.notes, r.review) for r in read_scores(root, ASSIGNMENT)}
              for root in (by_nbgrader, on_workers)}
    assert scores[on_workers] == scores[by_nbgrader]
    for folder in ("autograded", "feedback"):
        assert files(on_workers, folder) == files(by_nbgrader, folder)
    page = (on_workers / "feedback" / "buggy_backward" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "L2 term (lambd / m) * W1 is missing" in page


def test_is_a_submission_an_instructor_graded_by_hand_recorded_by_nbgrader_keeping_the_hand_score(tmp_path):
    root = course(tmp_path, PAIR)
    grade(root, workers=1)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        hand = gradebook.find_grade(f"test_{messy_class.BACKWARD}", ASSIGNMENT, ASSIGNMENT, "buggy_backward")
        hand.manual_score = 2.0
        gradebook.db.commit()

    run = grade(root, workers=1, force=True)
    assert run.recorded_by_nbgrader == ["buggy_backward"]
    totals = {r.student: r.total for r in read_scores(root, ASSIGNMENT)}
    assert totals == {"honest_ada": (3, 3), "buggy_backward": (3, 3)}
    rows = gradebook_rows(root)
    assert rows["buggy_backward"][1][ASSIGNMENT][1][f"test_{messy_class.BACKWARD}"] == (0.0, 2.0, None, True)


def test_does_a_failed_write_leave_nothing_half_written_and_nbgrader_record_the_batch(tmp_path, monkeypatch, capsys):
    root = course(tmp_path, PAIR)
    run = grade(root, workers=1, steps=pipeline.GRADING_STEPS[:3])
    rows = {"honest_ada": {"timestamp": None, "notebooks": {ASSIGNMENT: {
        "late_submission_penalty": None, "grades": {f"test_{messy_class.COST}": (1.0, False)}, "comments": {}}}},
        "buggy_backward": {"timestamp": None, "notebooks": {"no_such_notebook": {}}}}
    with pytest.raises(KeyError):
        recording.write_rows(run.api.coursedir.db_url, run.api.coursedir.course_id, ASSIGNMENT, rows)
    assert gradebook_rows(root) == {}

    def failing_write(*arguments):
        raise RuntimeError("the gradebook is locked")

    monkeypatch.setattr(pipeline, "write_rows", failing_write)
    run = grade(root, workers=1)
    assert sorted(run.recorded_by_nbgrader) == sorted(PAIR) and not run.not_graded
    assert "(RuntimeError: the gradebook is locked); nbgrader's autograde records them one by one" in capsys.readouterr().err
    assert {r.student: r.total for r in read_scores(root, ASSIGNMENT)} == {"honest_ada": (3, 3), "buggy_backward": (1, 3)}


def test_does_a_worker_record_without_printing_nbgrader_gradebook_warnings(tmp_path):
    # A Dask worker runs outside grading_environment(); nbgrader's gradebook code trips three
    # SQLAlchemy warnings per submission, which a worker would print on the instructor's terminal.
    import warnings

    from autograder.grading.worker import grade_submission

    root = course(tmp_path, ["honest_ada"])
    task = grade(root, workers=1, steps=pipeline.GRADING_STEPS[:3]).tasks["honest_ada"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = grade_submission(task)
    assert result.recorded is not None and result.recording_error is None
    assert [str(w.message) for w in caught if "nbgrader" in w.filename] == []
