"""The grading pipeline: what an instructor runs once submissions are in submitted/, as a list of steps.

Each step takes the GradingRun and does one thing:
1. `prepare_gradebook`: put the assignment in the gradebook from source/ if it is not there (a
   fresh clone has no gradebook);
2. `select_submissions`: the submissions that are new or changed since they were last graded
   (all with force=True), from the ledger (autograder.grading.ledger);
3. `stage_submissions`: copy each into a staging folder nbgrader can always grade, with one
   sentence per repair (autograder.grading.stage), screen it, and sanitize it with nbgrader's own
   preprocessors;
4. `grade_submissions`: run the notebooks on workers (a Dask cluster, or this process with one
   worker), which also record them with nbgrader's autograde and feedback in a scratch course
   (autograder.grading.recording); this process, the only one that writes the gradebook, copies
   the rows of whatever has finished in one transaction and installs the autograded files and
   feedback;
5. `export_grades`, `write_class_report`, `print_summary`.

No submission stops the batch: whatever a student hands in ends with a score and a reason. One
grading of an assignment runs at a time on a course root (`one_grading_at_a_time`): a `grade` and a
`watch` pass would otherwise stage and record the same submissions side by side.
"""

from __future__ import annotations

import contextlib
import copy
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
from nbformat import NotebookNode

from autograder.course_paths import CoursePaths
from autograder.grading.export_csv import write_grades_csv
from autograder.grading.ledger import Ledger, verdict_code
from autograder.grading.recording import flag_for_review, install_files, read_files, recording_context, write_rows
from autograder.grading.sandbox import Sandbox, check_sandbox
from autograder.grading.scores import format_table, read_scores
from autograder.grading.screening import screen_notebook
from autograder.grading.stage import StagedSubmission, Staging, fingerprint, stage_blank, stage_submission
from autograder.grading.submission_time import Lateness, rewrite_note_cells, set_due_date
from autograder.grading.worker import ExecutionResult, ExecutionTask, InsertExecutedOutputs, notebooks_to_record
from autograder.grading.workers import DaskWorkers, SerialWorkers, default_workers
from autograder.nbgrader_course import check, grading_environment, load_course_config, open_course
from autograder.student_text import one_line

if TYPE_CHECKING:   # imported where used: `python -m autograder --help` stays fast
    from nbgrader.apps import NbGraderAPI

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
    students: list[str]                # every student with a submission, or those asked for
    api: NbGraderAPI
    sandbox: bool = True
    workers: int | None = None         # size of the local Dask cluster (1: no cluster, this process)
    scheduler: str | None = None       # address of an existing Dask scheduler
    force: bool = False                # grade every submission, changed or not
    progress: bool = True
    record_on_workers: bool = True     # False: nbgrader's autograde records every submission in this process
    feedback_pages: bool = True        # False: no feedback pages are written (Gradescope shows results.json)
    to_grade: list[str] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)        # student -> submission + grading code fingerprint
    staged: dict[str, StagedSubmission] = field(default_factory=dict)
    tasks: dict[str, ExecutionTask] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)           # student -> wall time on its worker
    recording: dict[str, float] = field(default_factory=dict)         # student -> wall time of its recording here
    recording_cpu: dict[str, float] = field(default_factory=dict)     # student -> CPU time of its recording here
    recorded_by_nbgrader: list[str] = field(default_factory=list)     # students nbgrader's autograde recorded here
    graded: list[str] = field(default_factory=list)                   # students recorded in this run
    not_graded: dict[str, str] = field(default_factory=dict)          # student -> why no verdict could be recorded
    review_notes: dict[str, list[str]] = field(default_factory=dict)  # student -> [what the instructor should look at]
    late_notes: dict[str, list[str]] = field(default_factory=dict)    # student -> [late-penalty sentences]
    lateness: Lateness | None = None                                  # set by prepare_gradebook
    interrupted: bool = False

    @property
    def paths(self) -> CoursePaths:
        return CoursePaths(self.course_root, self.assignment)

    @property
    def ledger(self) -> Ledger:
        if not hasattr(self, "_ledger"):
            self._ledger = Ledger(self.course_root, self.assignment)
        return self._ledger


# --- 1. the gradebook -------------------------------------------------------------------------------

def prepare_gradebook(run: GradingRun) -> None:
    """Make sure the gradebook knows the assignment; if not (a fresh clone, a new gradebook),
    run nbgrader generate_assignment from source/, which also rewrites release/<assignment>/ the
    same way `python -m autograder release` does."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(run.api.coursedir.db_url) as gradebook:
        try:
            known = bool(gradebook.find_assignment(run.assignment).notebooks)
        except MissingEntry:
            known = False
    if not known:
        print(f"The gradebook has no {run.assignment} yet: adding it from source/{run.assignment}/ "
              "(nbgrader generate_assignment).")
        check(run.api.generate_assignment(run.assignment, force=True), f"generate {run.assignment}")
    with Gradebook(run.api.coursedir.db_url) as gradebook:
        set_due_date(gradebook, run.assignment, run.api.config)
    run.lateness = Lateness(run.api, run.assignment, run.paths)


# --- 2. what to grade -------------------------------------------------------------------------------

def select_submissions(run: GradingRun) -> None:
    """The submissions to grade: every one with force, otherwise those whose files or grading code
    changed since they were graded, and those whose last grading did not finish."""
    code = verdict_code(run.course_root, run.assignment, run.lateness.duedate if run.lateness else None)
    for student in run.students:
        run.fingerprints[student] = fingerprint(run.paths.submitted(student)) + ":" + code
    run.to_grade = [s for s in run.students if run.force or not run.ledger.is_current(s, run.fingerprints[s])]
    unchanged = len(run.students) - len(run.to_grade)
    print(f"{run.assignment}: {len(run.students)} submission(s), {len(run.to_grade)} to grade"
          + (f", {unchanged} unchanged since they were graded (--force grades them again)" if unchanged else "") + ".")


# --- 3. staging -------------------------------------------------------------------------------------

def sanitize(notebook: NotebookNode, run: GradingRun, student: str, name: str) -> NotebookNode:
    """`notebook` after nbgrader's own sanitizing step (clear outputs, restore the instructor's
    locked cells and metadata), as nbgrader autograde does before it executes a notebook."""
    from nbgrader.converters import Autograde

    resources = {"nbgrader": {"db_url": run.api.coursedir.db_url, "assignment": run.assignment,
                              "notebook": Path(name).stem, "student": student}}
    steps = (run.api.config.Autograde.get("sanitize_preprocessors")
             or Autograde.class_traits()["sanitize_preprocessors"].make_dynamic_default())
    for step in steps:
        notebook, resources = step(config=run.api.config).preprocess(notebook, resources)
    return notebook


def stage_submissions(run: GradingRun) -> None:
    """Stage every submission to grade and build the work for its worker."""
    from autograder.grading.execute import instructor_test_cells

    release = Path(run.api.coursedir.format_path(run.api.coursedir.release_directory, ".", run.assignment))
    limits = Staging(config=run.api.config)
    trusted = None
    context = (recording_context(run.api, run.assignment, run.feedback_pages)
               if run.to_grade and run.record_on_workers else None)
    for student in run.to_grade:
        folder = run.paths.staged / student / run.assignment
        try:
            submitted = run.paths.submitted(student)
            staged = stage_submission(submitted, release, folder, limits)
            if run.lateness is not None:
                notes = len(staged.notes)
                run.late_notes[student] = run.lateness.apply(student, run.fingerprints[student].split(":")[0],
                                                             submitted, staged)
                if run.late_notes[student] or len(staged.notes) != notes:
                    rewrite_note_cells(staged, run.late_notes[student])
            files = prepare_files(run, student, staged)
            findings = screen(staged)
        except Exception as error:  # the grader's own failure on one submission stops nothing
            why = (f"The grader could not prepare this submission ({type(error).__name__}: "
                   f"{one_line(str(error).splitlines()[0], 300) if str(error) else ''}); the blank release notebook was graded "
                   "instead, so every test scores 0 until an instructor looks at it.")
            staged = stage_blank(release, folder, why)
            run.late_notes.pop(student, None)
            files = prepare_files(run, student, staged)
            findings = {}
        run.staged[student] = staged
        if trusted is None:
            trusted = {name: instructor_test_cells(run.api.coursedir.db_url, run.assignment, Path(name).stem)
                       for name in staged.notebooks}
        run.tasks[student] = ExecutionTask(student, files, trusted, copy.deepcopy(run.api.config), list(staged.notes),
                                           findings, context)


def screen(staged: StagedSubmission) -> dict[str, list[str]]:
    """{notebook: what the screen (autograder.grading.screening) finds in its editable cells}."""
    findings = {}
    for name in staged.notebooks:
        found = screen_notebook(nbformat.read(staged.folder / name, as_version=4))
        findings[name] = [f"{f.cell if f.cell.startswith('cell ') else 'cell ' + f.cell}: {f.reason}" for f in found]
    return findings


def prepare_files(run: GradingRun, student: str, staged: StagedSubmission) -> dict[str, bytes]:
    """{relative path: bytes} of a staged submission, its notebooks sanitized by nbgrader."""
    files = read_files(staged.folder)
    for name in staged.notebooks:
        notebook = sanitize(nbformat.read(staged.folder / name, as_version=4), run, student, name)
        files[name] = nbformat.writes(notebook).encode()
    return files


# --- 4. grading -------------------------------------------------------------------------------------

@contextlib.contextmanager
def stop_between_students(run: GradingRun):
    """The first Ctrl-C (or SIGTERM) lets the student being recorded finish, then stops the run;
    a second one stops at once (the ledger then has that student as unfinished)."""
    def request_stop(signum, frame):
        run.interrupted = True
        print(f"\nStopping after the submission being recorded ({signal.Signals(signum).name}); "
              "press Ctrl-C again to stop at once.", flush=True)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    try:
        previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:   # not the main thread: no signal handling
        previous = {}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def record_batch(run: GradingRun, results: list[ExecutionResult]) -> dict[str, list[str] | Exception]:
    """Write submissions that finished on the workers to the gradebook: the rows the workers
    recorded, all in one transaction, then their autograded files and feedback. What a worker
    could not record, or an instructor changed by hand, nbgrader's autograde records here
    (record_with_nbgrader). Returns {student: the notes of its submission, or the error that kept
    it from being recorded}; no submission's error stops the others."""
    start, start_cpu = time.perf_counter(), time.thread_time()
    outcome: dict[str, list[str] | Exception] = {}
    coursedir = run.api.coursedir
    recorded = {r.student: r.recorded for r in results if r.recorded is not None}
    by_nbgrader = [r for r in results if r.recorded is None]
    if recorded:
        with run.ledger.saved_once():
            for student in recorded:
                run.ledger.start(student, run.fingerprints[student])
        try:
            set_by_hand = write_rows(run.api.coursedir.db_url, run.api.coursedir.course_id, run.assignment,
                                     {student: r.rows for student, r in recorded.items()})
        except Exception as error:  # nothing was written: nbgrader records each one, and says what is wrong
            print(f"Writing {len(recorded)} recorded submission(s) at once failed ({type(error).__name__}: "
                  f"{one_line(str(error), 200)}); nbgrader's autograde records them one by one.", file=sys.stderr)
            set_by_hand = list(recorded)
        by_nbgrader += [r for r in results if r.student in set_by_hand]
        with run.ledger.saved_once():
            for result in results:
                student, done = result.student, recorded.get(result.student)
                if done is None or student in set_by_hand:
                    continue
                try:
                    for folder, files in ((coursedir.autograded_directory, done.autograded),
                                          (coursedir.feedback_directory, done.feedback)):
                        install_files(Path(coursedir.format_path(folder, student, run.assignment)), files)
                except Exception as error:
                    outcome[student] = error
                    continue
                # The late sentences join the notes (score table, grades.csv, report) but are no reason for review.
                outcome[student] = done.notes + run.late_notes.get(student, [])
                run.ledger.finish(student, run.fingerprints[student], outcome[student], done.review, result.seconds)
                run.review_notes[student] = done.review
                run.seconds[student] = result.seconds
                run.graded.append(student)
        for student in recorded:
            run.recording[student] = (time.perf_counter() - start) / len(recorded)
            run.recording_cpu[student] = (time.thread_time() - start_cpu) / len(recorded)
    for result in by_nbgrader:
        try:
            outcome[result.student] = record_with_nbgrader(run, result)
        except Exception as error:
            outcome[result.student] = error
    return outcome


def record_with_nbgrader(run: GradingRun, result: ExecutionResult) -> list[str]:
    """Write one executed submission to the gradebook with nbgrader autograde in this process
    (outputs taken from `result`), then flag it for review if needed and write its feedback."""
    start, start_cpu = time.perf_counter(), time.thread_time()
    student = result.student
    task = run.tasks[student]
    notebooks, notes = notebooks_to_record(task, result)
    notes = task.notes + notes
    executed_folder = run.paths.executed / student
    executed_folder.mkdir(parents=True, exist_ok=True)
    for name, notebook in notebooks.items():
        nbformat.write(notebook, executed_folder / name)
    run.ledger.start(student, run.fingerprints[student])
    check(run.api.autograde(run.assignment, student, force=True), f"autograde {student}'s {run.assignment}")
    review = flag_for_review(run.api.coursedir.db_url, run.assignment, student, list(notebooks), notes, task.findings)
    check(run.api.generate_feedback(run.assignment, student), f"generate {student}'s feedback")
    # The late sentences join the notes (score table, grades.csv, report) but are no reason for review.
    notes += run.late_notes.get(student, [])
    run.ledger.finish(student, run.fingerprints[student], notes, review, result.seconds)
    run.review_notes[student] = review
    run.seconds[student] = result.seconds
    run.recording[student] = time.perf_counter() - start
    run.recording_cpu[student] = time.thread_time() - start_cpu
    run.recorded_by_nbgrader.append(student)
    run.graded.append(student)
    return notes


def grade_submissions(run: GradingRun) -> None:
    """Run the staged submissions on the workers and record each one as soon as it is done."""
    if not run.to_grade:
        return
    from tqdm import tqdm

    # Starting a local cluster takes seconds and parallelizes nothing for one submission (a regrade).
    in_process = not run.scheduler and (run.workers == 1 or len(run.tasks) == 1)
    workers = SerialWorkers() if in_process else DaskWorkers(run.workers, run.scheduler)
    where = (f"the Dask scheduler at {run.scheduler}" if run.scheduler else
             "this process" if isinstance(workers, SerialWorkers) else f"{run.workers} local Dask workers")
    print(f"Grading {len(run.to_grade)} submission(s) on {where}.")
    noted = failed = 0
    # A bar on a terminal; in a log (or with --no-progress), one line per submission.
    show_bar = run.progress and sys.stderr.isatty()
    bar = tqdm(total=len(run.to_grade), unit="submission", disable=not show_bar, dynamic_ncols=True)
    try:
        with stop_between_students(run):
            for student in run.to_grade:
                workers.submit(run.tasks[student])
            bar.set_postfix(running=workers.running(), noted=0, failed=0)
            for results in workers.batches():
                if run.interrupted:
                    break
                outcome = record_batch(run, results)
                for result in results:
                    position = f"[{bar.n + 1}/{len(run.to_grade)}] {one_line(result.student):<16}"
                    notes = outcome[result.student]
                    if isinstance(notes, Exception):  # one submission never stops the batch
                        run.not_graded[result.student] = one_line(str(notes).splitlines()[0] if str(notes) else
                                                                  type(notes).__name__, 300)
                        failed += 1
                        bar.write(f"  {position} NOT GRADED: {run.not_graded[result.student]}")
                    else:
                        noted += bool(notes)
                        if not show_bar:
                            print(f"  {position} {result.seconds:5.1f} s" + ("  (with a note)" if notes else ""),
                                  flush=True)
                    bar.update()
                bar.set_postfix(running=workers.running(), noted=noted, failed=failed)
    finally:
        bar.close()
        workers.close()
    if run.interrupted:
        left = [s for s in run.to_grade if s not in run.graded and s not in run.not_graded]
        print(f"Interrupted: {len(run.graded)} submission(s) graded, {len(left)} left. Run the same command "
              "again to grade the rest; what was graded is kept.")


# --- 5. results --------------------------------------------------------------------------------------

def export_grades(run: GradingRun) -> None:
    """grades.csv: nbgrader's CSV export of the whole gradebook, with the notes column."""
    destination = write_grades_csv(run.api.gradebook, run.paths.grades_csv, run.course_root)
    print(f"Grades exported to {destination}")


def write_report(run: GradingRun) -> None:
    """The class report reports/<assignment>.html (autograder.grading.report): score histogram, pass rate
    per test cell, the most common failure sentences, what needs review."""
    from autograder.grading.report import write_class_report
    from autograder.similarity import similar_pairs

    path = write_class_report(run.course_root, run.assignment,
                              read_scores(run.course_root, run.assignment, run.api.coursedir.db_url),
                              run.ledger.seconds(), similar_pairs(run.course_root, run.assignment))
    print(f"Class report written to {path}")


def print_summary(run: GradingRun) -> None:
    """The score table per student and per test cell, then what needs an instructor's look."""
    print()
    print(format_table(run.assignment, read_scores(run.course_root, run.assignment, run.api.coursedir.db_url)))
    if run.seconds:
        slowest = sorted(run.seconds.items(), key=lambda item: -item[1])[:3]
        print("\nSlowest submissions: " + ", ".join(f"{s} {t:.1f} s" for s, t in slowest))
    with_notes = [s for s in run.graded if run.ledger.notes(s)]
    print(f"\nGraded in this run: {len(run.graded)}; with a note (see above): {len(with_notes)}; "
          f"unchanged and kept: {len(run.students) - len(run.to_grade)}.")
    for student, why in run.not_graded.items():
        print(f"NOT GRADED: {one_line(student)}: {one_line(why)}")


GRADING_STEPS = [prepare_gradebook, select_submissions, stage_submissions, grade_submissions, export_grades,
                 write_report, print_summary]


def submitted_students(course_root: str | Path, assignment: str) -> list[str]:
    """Ids of the students with a submission of `assignment` in submitted/, sorted."""
    return sorted(path.parent.name for path in Path(course_root).glob(f"submitted/*/{assignment}") if path.is_dir())


class GradingInProgress(RuntimeError):
    """Another grading of the assignment holds its lock, and this one was asked not to wait."""


@contextlib.contextmanager
def one_grading_at_a_time(lock_path: Path, assignment: str, wait: bool = True):
    """Hold the assignment's grading lock within this block. While another grading of the assignment
    holds it: wait, with a line saying why (Ctrl-C stops), or with wait=False raise GradingInProgress.
    The kernel frees a lock whose holder dies, even of kill -9."""
    import fcntl

    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read(40).strip()
            busy = (f"another grading of {assignment} is running on this course root"
                    + (f" (process {holder})" if holder.isdigit() else "") + ": a watch pass or a grade")
            if not wait:
                raise GradingInProgress(busy) from None
            print(f"{busy[0].upper()}{busy[1:]}. This one is waiting for it to end (Ctrl-C stops).", flush=True)
            try:
                fcntl.flock(lock, fcntl.LOCK_EX)
            except KeyboardInterrupt:
                print("Stopped while waiting: nothing was graded.", file=sys.stderr, flush=True)
                raise SystemExit(130) from None   # the exit status of an interrupted `grade`
        lock.truncate(0)
        lock.write(str(os.getpid()))
        lock.flush()
        yield


def grade(course_root: str | Path, assignment: str, students: list[str] | None = None, steps=GRADING_STEPS,
          sandbox: bool = True, workers: int | None = None, scheduler: str | None = None, force: bool = False,
          progress: bool = True, db_url: str | None = None, record_on_workers: bool = True,
          lock: bool = True) -> GradingRun:
    """Run `steps` on the submissions of `assignment` (all of them unless `students` is given).

    - sandbox=False starts kernels without the sandbox (--no-sandbox), after a loud warning;
      otherwise grading stops with SandboxUnavailable if the sandbox cannot start;
    - workers: processes of the local Dask cluster (default: one per core plus one; 1 grades in this
      process); scheduler: the address of an existing Dask scheduler to use instead;
    - force: grade again submissions that did not change since they were graded;
    - db_url: the gradebook, instead of the course's configured one (grade --db-url);
    - record_on_workers=False records every submission with nbgrader's autograde in this process,
      one after another (the way before autograder.grading.recording; for comparisons);
    - lock=False when the caller already holds the assignment's grading lock (a `watch` pass holds
      it for the whole pass); otherwise grading waits while another grading of the assignment runs.
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
    paths = CoursePaths(course_root, assignment)
    with (one_grading_at_a_time(paths.grading_lock, assignment) if lock else contextlib.nullcontext()), \
            grading_environment():
        api = open_course(course_root, sandbox=sandbox, db_url=db_url, execute_step=InsertExecutedOutputs)
        # nbgrader grades the staged copies; the students' own files in submitted/ are never changed.
        api.coursedir.submitted_directory = str(paths.staged.relative_to(course_root))
        api.config.CourseDirectory.submitted_directory = api.coursedir.submitted_directory
        api.config.InsertExecutedOutputs.executed_folder = str(paths.executed)
        run = GradingRun(course_root, assignment, students, api, sandbox, workers or default_workers(),
                         scheduler, force, progress, record_on_workers)
        for step in steps:
            step(run)
            if run.interrupted:
                break
    return run


def generate_release(course_root: str | Path, assignment: str, db_url: str | None = None) -> Path:
    """nbgrader generate_assignment: write release/<assignment>/ from source/<assignment>/.

    nbgrader also records the assignment's cells in the gradebook (the course's, or `db_url`),
    which autograding needs: release with the same gradebook as you grade with.
    """
    course_root = Path(course_root).resolve()
    with grading_environment():
        check(open_course(course_root, db_url=db_url).generate_assignment(assignment),
              f"generate the release of {assignment}")
    return CoursePaths(course_root, assignment).release
