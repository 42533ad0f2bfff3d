"""The grading pipeline: what an instructor runs once submissions are in submitted/, as a list of steps.

Each step takes the GradingRun and does one thing: autograde every submission (nbgrader, with each
kernel in the sandbox and the test cells run by the grader: autograder.execute), flag submissions
whose code looks like tampering for an instructor's review, write feedback (nbgrader), export the
grades (nbgrader's CSV export), print the score table.
"""

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.nbgrader_course import check, grading_environment, load_course_config, open_course
from autograder.sandbox import Sandbox, check_sandbox
from autograder.scores import REVIEW_PREFIX, format_table, read_scores
from autograder.screening import screen_notebook

NO_SANDBOX_WARNING = """\
WARNING: grading WITHOUT the sandbox (--no-sandbox). Students' code runs with your rights: it can
read and change every file you can, including the gradebook, source/ and other students' work, and
use the network. The verdicts are still computed outside the students' kernels. Use this only on a
machine that holds nothing but this course."""


@dataclass
class GradingRun:
    """State shared by the steps of one grading run."""
    course_root: Path
    assignment: str
    students: list
    api: object
    sandbox: bool = True
    not_graded: dict = field(default_factory=dict)   # student -> why nbgrader could not grade them
    review_notes: dict = field(default_factory=dict)  # student -> [what the instructor should look at]


def remove_links(folder):
    """Remove every symbolic link and special file (FIFO, socket, device) under a submission folder.

    nbgrader copies a submission with the grader's rights and follows links, so a link handed in
    with it (notes.json -> ../../../gradebook.db) would bring the target's content to the
    student's kernel. Returns one phrase per removed entry, for the review note.
    """
    removed = []
    for directory, subdirectories, files in os.walk(folder):   # never follows a link
        for name in sorted(subdirectories + files):
            path = Path(directory) / name
            if path.is_symlink() or not (path.is_file() or path.is_dir()):
                what = f"a link to {os.readlink(path)}" if path.is_symlink() else "a special file"
                removed.append(f"{path.relative_to(folder)} ({what})")
                path.unlink()
    return removed


def autograde(run):
    """nbgrader autograde, one submission at a time, with a progress line for each. A submission
    nbgrader cannot grade is reported and skipped, so the others are still graded. Links and
    special files are removed from a submission before nbgrader copies it."""
    print(f"Autograding {len(run.students)} submission(s) of {run.assignment}:")
    for index, student in enumerate(run.students, 1):
        start = time.perf_counter()
        removed = remove_links(run.course_root / "submitted" / student / run.assignment)
        if removed:
            run.review_notes.setdefault(student, []).append(
                "handed in links or special files, removed before grading: " + ", ".join(removed))
        try:
            check(run.api.autograde(run.assignment, student), f"autograde {student}'s {run.assignment}")
        except RuntimeError as error:
            run.not_graded[student] = str(error).splitlines()[0]
            print(f"  [{index}/{len(run.students)}] {student:<16} NOT GRADED: see nbgrader's log above")
            continue
        print(f"  [{index}/{len(run.students)}] {student:<16} {time.perf_counter() - start:5.1f} s")


def flag_for_review(run):
    """Flag for an instructor's review every notebook whose editable cells look like tampering
    (see autograder.screening). The scores stand: the sandbox and the grader-run test cells are the
    defence; the flag and its comment only tell the instructor where to look in the formgrader."""
    gradebook = run.api.gradebook
    try:
        for student in run.students:
            for path in sorted((run.course_root / "submitted" / student / run.assignment).glob("*.ipynb")):
                try:
                    findings = screen_notebook(nbformat.read(path, as_version=4))
                    notebook = gradebook.find_submission_notebook(path.stem, run.assignment, student)
                except Exception:  # noqa: BLE001 - an unreadable or ungraded notebook has nothing to flag
                    continue
                reasons = run.review_notes.get(student, []) + [f"cell {f.cell}: {f.reason}" for f in findings]
                if not reasons:
                    continue
                message = REVIEW_PREFIX + "; ".join(reasons) + "."
                for grade in notebook.grades:
                    grade.needs_manual_grade = True
                for comment in notebook.comments:
                    comment.manual_comment = message
                gradebook.db.commit()
                print(f"  ! {student}: {message}")
    finally:
        gradebook.close()


def generate_feedback(run):
    """nbgrader generate_feedback: one HTML page per notebook in feedback/<student>/<assignment>/."""
    check(run.api.generate_feedback(run.assignment), f"generate feedback for {run.assignment}")
    print(f"Feedback written to {run.course_root / 'feedback'}/<student>/{run.assignment}/")


def export_grades(run):
    """nbgrader's CSV export of the whole gradebook to grades.csv."""
    from nbgrader.plugins import CsvExportPlugin

    destination = run.course_root / "grades.csv"
    gradebook = run.api.gradebook
    try:
        CsvExportPlugin(to=str(destination)).export(gradebook)
    finally:
        gradebook.close()
    print(f"Grades exported to {destination}")


def print_scores(run):
    """The score table per student and per test cell, with the reason for every lost point."""
    print()
    print(format_table(run.assignment, read_scores(run.course_root, run.assignment, run.api.coursedir.db_url)))
    for student, why in run.not_graded.items():
        print(f"NOT GRADED: {student}: {why}")


GRADING_STEPS = [autograde, flag_for_review, generate_feedback, export_grades, print_scores]


def submitted_students(course_root, assignment):
    """Ids of the students with a submission of `assignment` in submitted/, sorted."""
    return sorted(path.parent.name for path in Path(course_root).glob(f"submitted/*/{assignment}") if path.is_dir())


def grade(course_root, assignment, students=None, steps=GRADING_STEPS, sandbox=True, db_url=None):
    """Run `steps` on the submissions of `assignment` (all of them unless `students` is given).

    sandbox=False starts kernels without the sandbox (python -m autograder grade --no-sandbox), after
    a loud warning; otherwise grading stops with SandboxUnavailable if the sandbox cannot start.
    db_url, when given, is the gradebook instead of the course's configured one (grade --db-url).
    Returns the GradingRun.
    """
    course_root = Path(course_root).resolve()
    students = list(students) if students else submitted_students(course_root, assignment)
    if not students:
        raise SystemExit(f"No submissions of {assignment!r} in {course_root / 'submitted'}/<student>/{assignment}/.")
    sandbox = sandbox and load_course_config(course_root).Sandbox.get("enabled", True)
    if sandbox:
        check_sandbox(Sandbox())
    else:
        print(NO_SANDBOX_WARNING)
    with grading_environment():
        run = GradingRun(course_root, assignment, students, open_course(course_root, sandbox=sandbox, db_url=db_url), sandbox)
        for step in steps:
            step(run)
    return run


def generate_release(course_root, assignment, db_url=None):
    """nbgrader generate_assignment: write release/<assignment>/ from source/<assignment>/.

    nbgrader also records the assignment's cells in the gradebook (the course's, or `db_url`),
    which autograding needs: release with the same gradebook as you grade with.
    """
    course_root = Path(course_root).resolve()
    with grading_environment():
        check(open_course(course_root, db_url=db_url).generate_assignment(assignment),
              f"generate the release of {assignment}")
    return course_root / "release" / assignment
