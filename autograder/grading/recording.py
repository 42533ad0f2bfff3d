"""Recording a graded submission: nbgrader's autograde and feedback run on the worker, and the one
writing process copies many submissions' gradebook rows in one transaction.

nbgrader's autograde commits the gradebook cell by cell, and its feedback step compiles its
templates on every call: about a second per submission. Done in the grading process, one
submission after another, that second caps a class at a few thousand submissions an hour
whatever the cluster. So the worker that ran a submission also records it, in a scratch course
of its own (`record_in_scratch`): a gradebook that holds only the assignment (built once per run
from the course's, `assignment_gradebook`), the staged submission and its executed notebooks.
There, nbgrader's own autograde, the review flags and nbgrader's own feedback run as they would in
the course. The worker sends back the rows nbgrader wrote for the submission, the autograded files
and the feedback page (`Recorded`).

The grading process, the one writer, then copies the rows of every submission that is ready into
the course's gradebook with nbgrader's ORM classes, in one transaction (`write_rows`), so the
schema, the formgrader and the exports see exactly what nbgrader autograde would have written.

nbgrader merges what an instructor set by hand (a manual score or comment, extra credit, an
extension) with a new automatic score, and its feedback shows them; a scratch gradebook has none
of that. A submission with anything set by hand is therefore recorded by nbgrader's autograde in
the grading process, as before (`set_by_hand`).
"""

from __future__ import annotations

import copy
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.grading.scores import review_message
from autograder.nbgrader_course import check, quiet_gradebook_warnings

SCRATCH_GRADEBOOK = "gradebook.db"


@dataclass
class RecordingContext:
    """What every worker needs to record a submission of the assignment (the same for a whole run).

    - gradebook: a SQLite gradebook file holding the assignment, its notebooks and cells, and no
      submissions (assignment_gradebook)
    - source_files: {path: bytes}, the non-notebook files of source/<assignment>/, which nbgrader's
      autograde copies into every autograded submission
    - feedback: whether to write feedback pages"""
    assignment: str
    course_id: str
    gradebook: bytes
    source_files: dict[str, bytes] = field(default_factory=dict)
    feedback: bool = True


@dataclass
class Recorded:
    """A submission recorded in a scratch course.

    - rows: what nbgrader wrote for it: {"timestamp": datetime | None, "notebooks": {notebook:
      {"late_submission_penalty": float | None, "grades": {cell: (auto_score, needs_manual_grade)},
      "comments": {cell: (auto_comment, manual_comment)}}}}
    - autograded, feedback: {path: bytes}, the files of autograded/ and feedback/<student>/<assignment>/
    - notes: one sentence per change made before grading, or per notebook that could not run
    - review: why an instructor should look at it (the notes, then what the screen found)
    - seconds: wall time of the recording on the worker"""
    rows: dict
    autograded: dict[str, bytes]
    feedback: dict[str, bytes]
    notes: list[str]
    review: list[str]
    seconds: float


# --- the grading process: the assignment's gradebook, once per run ----------------------------------

def assignment_gradebook(db_url: str, course_id: str, assignment: str) -> bytes:
    """A SQLite gradebook (its file's bytes) with `assignment` as the gradebook at `db_url` has it:
    due date, notebooks with their kernelspecs, grade, solution, task and source cells."""
    from nbgrader.api import Base, Gradebook
    from sqlalchemy import create_engine, text

    with Gradebook(db_url, course_id) as course:
        found = course.find_assignment(assignment)
        duedate = found.duedate
        notebooks = [{
            "name": notebook.name,
            "kernelspec": notebook.kernelspec,
            "grade_cells": [(c.name, {"max_score": c.max_score, "cell_type": c.cell_type}) for c in notebook.grade_cells],
            "solution_cells": [(c.name, {}) for c in notebook.solution_cells],
            "task_cells": [(c.name, {"max_score": c.max_score, "cell_type": c.cell_type}) for c in notebook.task_cells],
            "source_cells": [(c.name, {"cell_type": c.cell_type, "locked": c.locked, "source": c.source,
                                       "checksum": c.checksum}) for c in notebook.source_cells],
        } for notebook in found.notebooks]
        version = course.db.execute(text("SELECT version_num FROM alembic_version")).scalar()
    with tempfile.TemporaryDirectory(prefix="assignment-gradebook-") as folder:
        path = Path(folder) / SCRATCH_GRADEBOOK
        # nbgrader stamps a new gradebook with its schema version by running alembic (seconds);
        # the course's gradebook has the same version, so the scratch one is created stamped.
        engine = create_engine(f"sqlite:///{path}")
        Base.metadata.create_all(bind=engine)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            connection.execute(text("INSERT INTO alembic_version (version_num) VALUES (:version)"), {"version": version})
        engine.dispose()
        with Gradebook(f"sqlite:///{path}", course_id) as scratch:
            scratch.add_assignment(assignment, duedate=duedate)
            for notebook in notebooks:
                scratch.add_notebook(notebook["name"], assignment, kernelspec=notebook["kernelspec"])
                for kind in ("grade_cells", "solution_cells", "task_cells", "source_cells"):
                    add = getattr(scratch, f"add_{kind[:-1]}")
                    for name, columns in notebook[kind]:
                        add(name, notebook["name"], assignment, **columns)
        return path.read_bytes()


def recording_context(api, assignment: str, feedback: bool = True) -> RecordingContext:
    """The RecordingContext of `assignment` in the course `api` (an NbGraderAPI) grades."""
    coursedir = api.coursedir
    source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
    from nbgrader.utils import find_all_files

    # The files nbgrader's autograde copies from source/ into every autograded submission.
    files = {str(Path(path).relative_to(source)): Path(path).read_bytes()
             for path in sorted(find_all_files(str(source), coursedir.ignore + ["*.ipynb"]))}
    return RecordingContext(assignment, coursedir.course_id,
                            assignment_gradebook(coursedir.db_url, coursedir.course_id, assignment), files, feedback)


# --- the worker: nbgrader's autograde and feedback in a scratch course ------------------------------

# A Dask worker runs outside grading_environment(), which hides these warnings in the grading process.
@quiet_gradebook_warnings()
def record_in_scratch(context: RecordingContext, student: str, files: dict[str, bytes], config,
                      executed: dict[str, nbformat.NotebookNode], notes: list[str],
                      findings: dict[str, list[str]]) -> Recorded:
    """Record one submission as nbgrader would in the course: autograde (taking the outputs from
    `executed`, {notebook: executed notebook}), the review flags (flag_for_review), feedback.

    files: the staged submission ({path: bytes}); config: the course's traitlets Config as the
    grading process uses it; notes: the sentences the student's feedback shows as the review
    comment; findings: {notebook: [what the screen found]}, for the instructor alone."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    start = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="recording-"))
    try:
        config = copy.deepcopy(config)
        config.CourseDirectory.root = str(root)
        config.CourseDirectory.db_url = f"sqlite:///{root / SCRATCH_GRADEBOOK}"
        # nbgrader's own folder names (the course's could be absolute paths, outside the scratch course)
        for folder in ("submitted", "source", "autograded", "feedback"):
            trait = f"{folder}_directory"
            setattr(config.CourseDirectory, trait, CourseDirectory.class_traits()[trait].default_value)
        config.InsertExecutedOutputs.executed_folder = str(root / "executed")
        config.Exchange.root = str(root / ".exchange")
        api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
        coursedir = api.coursedir

        def folder_of(kind: str, who: str = student) -> Path:
            return Path(coursedir.format_path(getattr(coursedir, f"{kind}_directory"), who, context.assignment))

        (root / SCRATCH_GRADEBOOK).write_bytes(context.gradebook)
        write_files(folder_of("submitted"), files)
        write_files(folder_of("source", "."), context.source_files)
        for name, notebook in executed.items():
            (root / "executed" / student).mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, root / "executed" / student / name)
        check(api.autograde(context.assignment, student, force=True), f"autograde {student}'s {context.assignment}")
        review = flag_for_review(api.coursedir.db_url, context.assignment, student, list(executed), notes, findings)
        if context.feedback:
            check(api.generate_feedback(context.assignment, student), f"generate {student}'s feedback")
        return Recorded(read_rows(api.coursedir.db_url, context.assignment, student),
                        read_files(folder_of("autograded")), read_files(folder_of("feedback")),
                        notes, review, time.perf_counter() - start)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def flag_for_review(db_url: str, assignment: str, student: str, notebooks: list[str], notes: list[str],
                    findings: dict[str, list[str]]) -> list[str]:
    """Flag a submission for an instructor's review when staging changed it, the grader could not
    run it, or its editable cells trip the screen (autograder.grading.screening). The scores stand:
    the flag only tells the instructor where to look in the formgrader. The notes, which the
    student's feedback shows anyway, become the cells' review comment; what the screen found is
    for the instructor alone (the ledger, the score table and the report read it there), because
    honest code trips it too and the student's feedback must not call it suspicious. Returns the
    reasons."""
    from nbgrader.api import Gradebook

    reasons = list(notes)
    with Gradebook(db_url) as gradebook:
        for name in notebooks:
            found = findings.get(name, [])
            reasons += found
            if not notes and not found:
                continue
            notebook = gradebook.find_submission_notebook(Path(name).stem, assignment, student)
            for grade in notebook.grades:
                grade.needs_manual_grade = True
            if notes:
                for comment in notebook.comments:
                    comment.manual_comment = review_message(notes)
            gradebook.db.commit()
    return reasons


def read_rows(db_url: str, assignment: str, student: str) -> dict:
    """The rows nbgrader wrote for `student`'s submission (see Recorded.rows)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gradebook:
        submission = gradebook.find_submission(assignment, student)
        return {"timestamp": submission.timestamp, "notebooks": {notebook.name: {
            "late_submission_penalty": notebook.late_submission_penalty,
            "grades": {grade.name: (grade.auto_score, grade.needs_manual_grade) for grade in notebook.grades},
            "comments": {comment.name: (comment.auto_comment, comment.manual_comment) for comment in notebook.comments},
        } for notebook in submission.notebooks}}


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Write `files` ({path relative to `folder`: bytes}) under `folder`."""
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def read_files(folder: Path) -> dict[str, bytes]:
    """{path relative to `folder`: bytes} of every file under `folder`, sorted (none if it does not exist)."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


# --- the grading process: the one writer -------------------------------------------------------------

def set_by_hand(submission) -> bool:
    """Whether an instructor set anything in this nbgrader SubmittedAssignment: a manual score or
    comment, extra credit, an extension. (The review comment the grader writes counts too: such a
    submission is recorded by nbgrader itself, which keeps the rule in one place.)"""
    return submission.extension is not None or any(
        grade.manual_score is not None or grade.extra_credit is not None
        for notebook in submission.notebooks for grade in notebook.grades
    ) or any(comment.manual_comment is not None for notebook in submission.notebooks for comment in notebook.comments)


def write_rows(db_url: str, course_id: str, assignment: str, rows: dict[str, dict]) -> list[str]:
    """Write `rows` ({student: Recorded.rows}) into the gradebook at `db_url` in one transaction,
    as nbgrader's autograde would have: the student and the submission are created if missing
    (with every notebook, grade and comment of the assignment), the automatic scores and comments
    replaced. Returns the students skipped because something in their submission was set by hand;
    they are for nbgrader's autograde. On any error nothing is written and the error is raised."""
    from nbgrader.api import Comment, Grade, Gradebook, MissingEntry, Student, SubmittedAssignment, SubmittedNotebook

    skipped = []
    with Gradebook(db_url, course_id) as gradebook:
        session = gradebook.db
        try:
            found = gradebook.find_assignment(assignment)
            for student, submitted in rows.items():
                try:
                    submission = gradebook.find_submission(assignment, student)
                except MissingEntry:
                    submission = None
                if submission is not None and set_by_hand(submission):
                    skipped.append(student)
                    continue
                if submission is None:
                    if session.get(Student, student) is None:
                        session.add(Student(id=student))
                    # The same rows as nbgrader's Gradebook.add_submission, without its commit.
                    with session.no_autoflush:
                        submission = SubmittedAssignment(assignment=found, student_id=student)
                        cells = {}
                        for notebook in found.notebooks:
                            row = SubmittedNotebook(notebook=notebook, assignment=submission)
                            grades = {c.name: Grade(cell_id=c.id, notebook=row)
                                      for c in notebook.grade_cells + notebook.task_cells}
                            comments = {c.name: Comment(cell_id=c.id, notebook=row)
                                        for c in notebook.solution_cells + notebook.task_cells}
                            cells[notebook.name] = (row, grades, comments)
                    session.add(submission)
                else:
                    cells = {row.name: (row, {g.name: g for g in row.grades}, {c.name: c for c in row.comments})
                             for row in submission.notebooks}
                if submitted["timestamp"] is not None:
                    submission.timestamp = submitted["timestamp"]
                for name, notebook in submitted["notebooks"].items():
                    row, grades, comments = cells[name]
                    row.late_submission_penalty = notebook["late_submission_penalty"]
                    for cell, (auto_score, needs_manual_grade) in notebook["grades"].items():
                        grades[cell].auto_score, grades[cell].needs_manual_grade = auto_score, needs_manual_grade
                    for cell, (auto_comment, manual_comment) in notebook["comments"].items():
                        comments[cell].auto_comment = auto_comment
                        if manual_comment is not None:
                            comments[cell].manual_comment = manual_comment
            session.commit()
        except BaseException:
            session.rollback()
            raise
    return skipped


def install_files(folder: Path, files: dict[str, bytes]) -> None:
    """Replace `folder` by `files` ({path: bytes}), as nbgrader's forced autograde and feedback do."""
    if folder.exists():
        shutil.rmtree(folder)
    write_files(folder, files)
