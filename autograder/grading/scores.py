"""Scores per student and per test cell, read from the gradebook and the autograded notebooks."""

import os
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.course_paths import CoursePaths
from autograder.student_text import one_line

# How a review comment starts (written by autograder.grading.recording.flag_for_review).
REVIEW_PREFIX = "Flagged for an instructor's review: "


def review_message(reasons: list[str]) -> str:
    """The one text of an instructor's review: REVIEW_PREFIX, then each reason as a sentence."""
    return REVIEW_PREFIX + " ".join(r if r.endswith(".") else r + "." for r in reasons)


@dataclass
class StudentScores:
    """One student's result on one assignment.

    - points: {grade_id: (score, max_score)} for every graded cell, in notebook order
    - reasons: {grade_id: one line saying why points were lost} for cells below full marks
    - review: why an instructor should look at the submission (autograder.grading.recording.flag_for_review), or None
    - notes: sentences about the submission as a whole, written when it was handed in in a shape
      the grader had to repair or could not grade (no notebook, unreadable JSON, a renamed
      notebook, ...): what happened and what was graded instead, and the late-penalty sentence
    - late_penalty: points taken off for lateness (nbgrader's late_submission_penalty, summed over
      the notebooks; autograder.grading.late_penalty)
    """
    student: str
    points: dict[str, tuple[float, float]] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    review: str | None = None
    notes: list[str] = field(default_factory=list)
    late_penalty: float = 0.0

    @property
    def total(self) -> tuple[float, float]:
        """(score after the late penalty, maximum score), as nbgrader's own score."""
        raw = sum(score for score, _ in self.points.values())
        score = max(0.0, round(raw - self.late_penalty, 6)) if self.late_penalty else raw
        return score, sum(top for _, top in self.points.values())


def failure_reason(cell: nbformat.NotebookNode) -> str:
    """Why a graded cell lost its points, from its outputs: the error, or the stderr text. One line,
    capped and without control characters (autograder.student_text): it can quote a student's text,
    and goes to the terminal, grades.csv, the report and Gradescope."""
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            # A check's sentence comes wrapped to fit `nbgrader validate`: one line here.
            evalue = one_line(output.evalue)
            return one_line(f"{output.ename}: {evalue}" if evalue else output.ename)
        if output.output_type == "stream" and output.name == "stderr":
            return "wrote to standard error: " + one_line(output.text, 200)
    return "no output explains the lost points"


def graded_cell_order(course_root: str | Path, assignment: str, notebook_name: str) -> tuple[str, ...]:
    """grade_ids of the graded cells of a source notebook, in notebook order."""
    path = CoursePaths(course_root, assignment).source / f"{notebook_name}.ipynb"
    from nbgrader.utils import is_grade

    return tuple(cell.metadata["nbgrader"]["grade_id"] for cell in nbformat.read(path, as_version=4).cells
                 if is_grade(cell))


def read_scores(course_root: str | Path, assignment: str, db_url: str | None = None) -> list[StudentScores]:
    """StudentScores for every autograded submission of `assignment`, sorted by student id.

    The gradebook is the course's (autograder.nbgrader_course.gradebook_url), or `db_url` when given.
    """
    from nbgrader.api import Gradebook, MissingEntry
    from nbgrader.utils import is_grade

    from autograder.grading.ledger import Ledger
    from autograder.nbgrader_course import gradebook_url

    course_root = Path(course_root)
    orders = {}  # notebook name -> grade_ids in notebook order, read once
    results = []
    ledger = Ledger(course_root, assignment)
    with Gradebook(gradebook_url(course_root, db_url=db_url)) as gradebook:
        for student in sorted(gradebook.students, key=lambda s: s.id):
            try:
                submission = gradebook.find_submission(assignment, student.id)
            except MissingEntry:
                continue
            scores = StudentScores(student.id, notes=[one_line(note) for note in ledger.notes(student.id)],
                                   late_penalty=submission.late_submission_penalty or 0.0)
            # The reasons for a review are the instructor's, kept in the ledger (the gradebook's
            # comments reach the student's feedback); a comment is read for older gradebooks.
            if ledger.review(student.id):
                scores.review = one_line(review_message(ledger.review(student.id)), 8 * 2 ** 10)
            for notebook in sorted(submission.notebooks, key=lambda nb: nb.name):
                grades = {grade.name: grade for grade in notebook.grades}
                review = next((c.manual_comment for c in notebook.comments
                               if c.manual_comment and c.manual_comment.startswith(REVIEW_PREFIX)), None)
                scores.review = scores.review or (one_line(review, 8 * 2 ** 10) if review else None)
                path = CoursePaths(course_root, assignment).autograded(student.id) / f"{notebook.name}.ipynb"
                cells = {cell.metadata["nbgrader"]["grade_id"]: cell for cell in nbformat.read(path, as_version=4).cells
                         if is_grade(cell)}
                if notebook.name not in orders:
                    orders[notebook.name] = graded_cell_order(course_root, assignment, notebook.name)
                for grade_id in orders[notebook.name]:
                    grade = grades[grade_id]
                    scores.points[grade_id] = (grade.score, grade.max_score)
                    if grade.score >= grade.max_score:
                        continue
                    if grade_id not in cells:
                        scores.reasons[grade_id] = "the test cell was deleted from the submission"
                    else:
                        scores.reasons[grade_id] = failure_reason(cells[grade_id])
            results.append(scores)
    return results


def _short_names(grade_ids):
    """Column titles: the grade ids without their common prefix (test_initialize_parameters_he -> he)."""
    prefix = os.path.commonprefix(grade_ids) if len(grade_ids) > 1 else ""  # noqa: RUF071 (names, not paths)
    prefix = prefix[: prefix.rfind("_") + 1]
    return {grade_id: grade_id[len(prefix):] or grade_id for grade_id in grade_ids}


def _points(value):
    return f"{value:g}"


def format_table(assignment: str, results: list[StudentScores]) -> str:
    """A plain-text table: one row per student, one column per test cell, then the total,
    followed by one line per lost point saying why. Every text from a submission is printed as one
    line without control characters, so no submission can move the terminal's cursor or forge a
    line of the table."""
    if not results:
        return f"{assignment}: no graded submissions."
    grade_ids = list(results[0].points)
    titles = _short_names(grade_ids)
    width = max(len("student"), *(len(r.student) for r in results))
    columns = [max(len(titles[g]), 5) for g in grade_ids]
    late = any(r.late_penalty for r in results)
    header = (f"{'student':<{width}}  " + "  ".join(f"{titles[g]:>{w}}" for g, w in zip(grade_ids, columns))
              + ("   late" if late else "") + "  total")
    lines = [f"{assignment}: points per student and test cell", header, "-" * len(header)]
    for result in results:
        cells = "  ".join(f"{_points(result.points[g][0]) + '/' + _points(result.points[g][1]):>{w}}"
                          for g, w in zip(grade_ids, columns))
        score, top = result.total
        penalty = f"  {'-' + _points(result.late_penalty) if result.late_penalty else '':>5}" if late else ""
        lines.append(f"{one_line(result.student):<{width}}  {cells}{penalty}  {_points(score)}/{_points(top)}")
    lost = [(r.student, titles[g], reason) for r in results for g, reason in r.reasons.items()]
    if lost:
        lines += ["", "Why points were lost:"]
        lines += [f"  {one_line(student)} / {title}: {one_line(reason)}" for student, title, reason in lost]
    noted = [(r.student, note) for r in results for note in r.notes]
    if noted:
        lines += ["", "What happened to a submission before grading, and late penalties:"]
        lines += [f"  {one_line(student)}: {one_line(note)}" for student, note in noted]
    flagged = [(r.student, r.review) for r in results if r.review and not r.notes]
    if flagged:
        lines += ["", "Needs an instructor's look (the scores above stand until then):"]
        lines += [f"  {one_line(student)}: {one_line(review.removeprefix(REVIEW_PREFIX), 8 * 2 ** 10)}"
                  for student, review in flagged]
    return "\n".join(lines)
