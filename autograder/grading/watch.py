"""`python -m autograder watch NAME`: grade submissions as they arrive and return their feedback.

Every `interval` seconds one pass:
1. collects, with nbgrader's own collect, each student whose newest submission in the exchange's
   inbound is newer than the one in submitted/ (nbgrader's `--update` rule), into a folder of its
   own first, so that submitted/ only ever holds whole submissions;
2. grades the submissions whose files changed since they were graded (the pipeline's ledger
   decides, as for `grade`), in this process, with the usual steps: staging, sandbox,
   grader-side test cells, nbgrader's autograde and feedback;
3. releases each graded submission's feedback through the exchange with nbgrader's
   release_feedback, so the student's Assignments panel (or `nbgrader fetch_feedback`) gets it.

A pass holds the assignment's grading lock (autograder.grading.pipeline.one_grading_at_a_time), so a
`grade` started meanwhile waits for the pass to end; a pass that finds a `grade` running does nothing
and leaves its work to the next pass.

A cap on graded attempts per student per day keeps the hidden tests from being used as an
oracle: a submission beyond it is collected but not graded; the student gets a page that says so
instead of feedback, and it is graded on the next day's first pass (or by the final `grade`).

What the command has done lives in `.grading/NAME/watch.json`, always replaced whole: for each
student, the submissions that used an attempt (by the fingerprint of their files, with the day),
and the submission whose feedback or notice was last released. With the ledger this makes a
restart after a kill lose nothing and grade nothing twice: a submission counts as an attempt
before it is graded, the ledger marks it done after its feedback is written, and its release is
retried until watch.json records it.
"""

import contextlib
import datetime
import html
import json
import logging
import os
import re
import shutil
import signal
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from autograder.course_paths import CoursePaths
from autograder.student_text import one_line

# Student ids become folder names (submitted/<student>/...): anything else in the exchange is left
# where it is, with a line for the instructor.
SAFE_STUDENT_ID = re.compile(r"[A-Za-z0-9_@-][A-Za-z0-9_.@-]{0,99}")
NOT_GRADED_TODAY = "not graded yet"


@dataclass
class WatchState:
    """.grading/NAME/watch.json."""
    path: Path
    attempts: dict = field(default_factory=dict)   # student -> {submission fingerprint: day it was first graded}
    released: dict = field(default_factory=dict)   # student -> fingerprint whose feedback was released
    held: dict = field(default_factory=dict)       # student -> fingerprint held back by the cap (notice released)
    failed: dict = field(default_factory=dict)     # student -> fingerprint the grader could not record

    @classmethod
    def load(cls, path: Path) -> "WatchState":
        data = json.loads(path.read_text()) if path.exists() else {}
        return cls(path, **{key: data.get(key, {}) for key in ("attempts", "released", "held", "failed")})

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"attempts": self.attempts, "released": self.released, "held": self.held,
                                         "failed": self.failed}, indent=1, sort_keys=True))
        os.replace(temporary, self.path)

    def attempts_on(self, student: str, day: str) -> int:
        return sum(1 for used in self.attempts.get(student, {}).values() if used == day)


def configured_exchange(course_root: Path) -> str:
    """c.Exchange.root of the course's nbgrader_config.py, else nbgrader's own default."""
    from nbgrader.exchange.default.exchange import Exchange

    from autograder.nbgrader_course import read_config_file

    return read_config_file(course_root).Exchange.get("root") or Exchange.class_traits()["root"].default_value


class Watch:
    """One assignment of one course root, watched; `run` loops, `one_pass` does one pass."""

    def __init__(self, course_root, assignment: str, exchange=None, max_attempts_per_day: int | None = None,
                 hide_score: bool = False, sandbox: bool = True, say=print):
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        from autograder.nbgrader_course import load_course_config

        self.course_root = Path(course_root).resolve()
        self.assignment = assignment
        self.exchange = str(exchange or configured_exchange(self.course_root))
        self.max_attempts = max_attempts_per_day
        self.hide_score = hide_score
        self.sandbox = sandbox
        self.say = say
        self.paths = CoursePaths(self.course_root, assignment)
        self.folder = self.paths.grading
        self.state = WatchState.load(self.paths.watch_state)
        self.stop_requested = False
        self._last_problem = None
        self._fingerprints = {}
        # An API of its own for the exchange: grading opens its own course (autograder.grading.pipeline).
        # Feedback is released from a folder of watch's own, so that --hide-score and the cap's
        # notices never change what `grade` left in feedback/.
        config = load_course_config(self.course_root)
        config.Exchange.root = self.exchange
        config.CourseDirectory.feedback_directory = str(self.paths.watch_feedback.relative_to(self.course_root))
        config.CourseDirectory.submitted_directory = str(self.paths.watch_collecting.relative_to(self.course_root))
        config.CollectApp.check_owner = False   # students' ids are names in the exchange, not this machine's users
        config.NbGraderAPI.log_level = logging.WARNING
        self.api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)

    # --- the loop ----------------------------------------------------------------------------------

    def run(self, interval: float = 30, once: bool = False) -> int:
        """Pass after pass until Ctrl-C (SIGINT) or SIGTERM; returns the exit status: 0, or 1 when
        another watch of the same assignment is running (two would grade the same submissions) or
        the one pass of `once` failed."""
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.paths.watch_lock, "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self.say(f"error: another watch of {self.assignment} is running on this course root "
                         f"({self.paths.watch_lock} is locked).", flush=True)
                return 1
            return self._loop(interval, once)

    def _loop(self, interval, once):
        def request_stop(signum, frame):
            self.stop_requested = True

        previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            self.say(f"Watching {self.assignment} in the exchange {self.exchange} "
                     + ("for one pass" if once else f"every {interval:g} s")
                     + (f", at most {self.max_attempts} graded attempt(s) per student per day" if self.max_attempts
                        else "") + (", scores hidden from students" if self.hide_score else "")
                     + ("." if once else "; Ctrl-C stops."), flush=True)
            while True:
                try:
                    self.one_pass()
                except KeyboardInterrupt:   # a second Ctrl-C inside grading stops it at once
                    self.stop_requested = True
                except Exception as error:  # a failed pass is retried at the next one
                    self.say(f"This pass failed ({type(error).__name__}: {one_line(str(error), 300)})"
                             + ("." if once else f"; trying again in {interval:g} s."), flush=True)
                    if once:   # cron hears of it
                        return 1
                if once or self.stop_requested:
                    break
                deadline = time.monotonic() + interval
                while not self.stop_requested and time.monotonic() < deadline:
                    time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
                if self.stop_requested:
                    break
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if self.stop_requested:
            self.say("Stopped. What was graded and released is kept; the same command carries on from here.",
                     flush=True)
        return 0

    def one_pass(self, today: str | None = None) -> dict:
        """Collect, grade, release. Returns {"graded": [...], "held": [...], "released": [...]}."""
        from autograder.grading.pipeline import GradingInProgress, one_grading_at_a_time

        today = today or datetime.date.today().isoformat()
        try:
            # The whole pass holds the lock (collecting replaces folders a grading reads), and does not
            # wait for a `grade`, which may take a while: the next pass does what this one could not.
            with one_grading_at_a_time(self.paths.grading_lock, self.assignment, wait=False):
                self.collect()
                self._fingerprints = {}
                to_grade, held = self.select(today, self.verdict_code())
                graded = self.grade(to_grade) if to_grade and not self.stop_requested else []
                # Grading may have written the configured due date to the gradebook: the code as recorded now.
                released = self.release_graded(self.verdict_code())
                for student in held:
                    self.release_notice(student, today)
        except GradingInProgress as busy:
            self.say(f"This pass did nothing: {busy}. The next pass carries on.", flush=True)
            return {"graded": [], "held": [], "released": []}
        return {"graded": graded, "held": held, "released": released}

    def verdict_code(self) -> str:
        """The ledger's key for the grading code and due date, as `grade` computes it."""
        from nbgrader.api import Gradebook, MissingEntry

        from autograder.grading.ledger import verdict_code
        from autograder.grading.submission_time import configured_due_date

        # Read only: grading writes the configured date to the gradebook, and a pass must not.
        duedate = configured_due_date(self.assignment, self.api.config)
        if duedate is None:
            # A gradebook without the assignment yet has no date: grading adds it.
            with Gradebook(self.api.coursedir.db_url) as gradebook, contextlib.suppress(MissingEntry):
                duedate = gradebook.find_assignment(self.assignment).duedate
        return verdict_code(self.course_root, self.assignment, duedate)

    # --- 1. collect ---------------------------------------------------------------------------------

    def newest_in_exchange(self) -> dict:
        """{student: newest submission timestamp} of the assignment in the exchange's inbound."""
        from nbgrader.utils import parse_utc

        inbound = Path(self.exchange) / self.api.coursedir.course_id / "inbound"
        newest, unsafe = {}, []
        if not inbound.is_dir():
            self._problem(f"No submissions yet: {inbound} does not exist.")
            return newest
        for entry in inbound.iterdir():
            parts = entry.name.rsplit("+", 3)
            if len(parts) < 3 or parts[1] != self.assignment:
                continue
            student = parts[0]
            try:
                stamp = parse_utc(parts[2])
            except Exception:  # a name nbgrader would not accept either
                continue
            if not SAFE_STUDENT_ID.fullmatch(student):
                unsafe.append(student)
                continue
            newest[student] = max(newest.get(student, stamp), stamp)
        if unsafe:
            self._problem(f"Left in the exchange, as their student ids cannot be folder names: "
                          f"{', '.join(one_line(repr(s), 80) for s in sorted(unsafe)[:5])}"
                          + (f" and {len(unsafe) - 5} more" if len(unsafe) > 5 else "") + ".")
        return newest

    def collect(self) -> list:
        """nbgrader collect --update, one student at a time, for those with a newer submission."""
        from nbgrader.utils import parse_utc

        from autograder.nbgrader_course import grading_environment

        collected = []
        for student, stamp in sorted(self.newest_in_exchange().items()):
            if self.stop_requested:
                break
            folder = self.paths.submitted(student)
            existing = folder / "timestamp.txt"
            try:
                current = parse_utc(existing.read_text().strip()) if existing.is_file() else None
            except Exception:  # an unreadable time is replaced by the exchange's
                current = None
            if current is not None and current >= stamp:
                continue
            # nbgrader copies into a folder of watch's own, which then replaces submitted/<student>/NAME
            # by renames: a kill during the copy never leaves a half submission to be graded, and
            # Ctrl-C waits for both.
            incoming = self.course_root / self.api.coursedir.submitted_directory
            shutil.rmtree(incoming, ignore_errors=True)
            self.api.coursedir.student_id = student
            try:
                # grading_environment: nbgrader runs alembic by name when it creates the gradebook.
                with grading_environment():
                    result = self.api.collect(self.assignment, update=True)
            finally:
                self.api.coursedir.student_id = ""
            if result["success"] and (incoming / student / self.assignment).is_dir():
                replaced = self.paths.watch / "replaced" / student
                shutil.rmtree(replaced, ignore_errors=True)
                folder.parent.mkdir(parents=True, exist_ok=True)
                if folder.exists():
                    replaced.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(folder, replaced)
                os.replace(incoming / student / self.assignment, folder)
                shutil.rmtree(replaced, ignore_errors=True)
                collected.append(student)
                self.say(f"Collected {student}'s submission of {stamp:%Y-%m-%d %H:%M:%S} UTC.", flush=True)
            else:
                self.say(f"Could not collect {student}'s submission: "
                         f"{one_line((result.get('error') or result.get('log') or '').strip(), 300)}", flush=True)
        return collected

    # --- 2. grade -----------------------------------------------------------------------------------

    def submission_fingerprint(self, student: str) -> str:
        """The hash of submitted/<student>/NAME/, read once per pass (collecting is what changes it)."""
        from autograder.grading.stage import fingerprint

        if student not in self._fingerprints:
            self._fingerprints[student] = fingerprint(self.paths.submitted(student))
        return self._fingerprints[student]

    def select(self, today: str, code: str):
        """(students to grade, students held back by the cap) among those whose submission is not
        graded with the current grading code. A submission that already used an attempt (graded
        before, or cut short by a kill) is graded again without using another."""
        from autograder.grading.ledger import Ledger
        from autograder.grading.pipeline import submitted_students

        ledger = Ledger(self.course_root, self.assignment)
        to_grade, held = [], []
        changed = False
        for student in submitted_students(self.course_root, self.assignment):
            if not SAFE_STUDENT_ID.fullmatch(student):
                continue
            submission = self.submission_fingerprint(student)
            if ledger.is_current(student, submission + ":" + code) or self.state.failed.get(student) == submission:
                continue
            attempts = self.state.attempts.setdefault(student, {})
            if submission not in attempts:
                if self.max_attempts is not None and self.state.attempts_on(student, today) >= self.max_attempts:
                    held.append(student)
                    continue
                attempts[submission] = today
                changed = True
            to_grade.append(student)
        if changed:
            self.state.save()   # before grading: a kill now must not give the attempt back
        return to_grade, held

    def grade(self, students: list) -> list:
        """The pipeline's grading steps on `students`, in this process (no cluster to start);
        returns those recorded. No grades.csv or class report: the final `grade` writes them."""
        from autograder.grading import pipeline

        steps = [pipeline.prepare_gradebook, pipeline.select_submissions, pipeline.stage_submissions,
                 pipeline.grade_submissions]
        # one_pass holds the grading lock.
        run = pipeline.grade(self.course_root, self.assignment, students, steps=steps, sandbox=self.sandbox,
                             workers=1, progress=False, lock=False)
        if run.interrupted:
            self.stop_requested = True
        for student, why in run.not_graded.items():
            self.state.failed[student] = self.submission_fingerprint(student)
            self.say(f"NOT GRADED: {one_line(student)}: {one_line(why)} (watch leaves it to the final grade run).",
                     flush=True)
        if run.not_graded:
            self.state.save()
        return list(run.graded)

    # --- 3. release ---------------------------------------------------------------------------------

    def release_folder(self, student: str) -> Path:
        return Path(self.api.coursedir.format_path(self.api.coursedir.feedback_directory, student, self.assignment))

    def release_graded(self, code: str) -> list:
        """Release the feedback of every graded submission whose release is not yet recorded."""
        from autograder.grading.ledger import Ledger
        from autograder.grading.pipeline import submitted_students

        ledger = Ledger(self.course_root, self.assignment)
        released = []
        for student in submitted_students(self.course_root, self.assignment):
            if not SAFE_STUDENT_ID.fullmatch(student):
                continue
            submission = self.submission_fingerprint(student)
            if self.state.released.get(student) == submission + ":" + code \
                    or not ledger.is_current(student, submission + ":" + code):
                continue
            source = self.paths.feedback(student)
            if not (source / "submission_secret.txt").is_file():
                self.say(f"{student}'s feedback is not released: the submission did not come through the exchange "
                         "(no submission_secret.txt).", flush=True)
                self.state.released[student] = submission + ":" + code
                self.state.save()
                continue
            pages = {page.name: page.read_text() for page in sorted(source.glob("*.html"))}
            if self.hide_score:
                pages = {name: without_scores(page) for name, page in pages.items()}
            if self.publish(student, source, pages):
                self.state.released[student] = submission + ":" + code
                self.state.held.pop(student, None)
                self.state.save()
                released.append(student)
                self.say(f"Released {student}'s feedback.", flush=True)
        return released

    def release_notice(self, student: str, today: str) -> None:
        """In place of feedback, a page saying that the submission waits for tomorrow (once per submission)."""
        submission = self.submission_fingerprint(student)
        if self.state.held.get(student) == submission:
            return
        source = self.paths.submitted(student)
        self.say(f"{student} has used {self.state.attempts_on(student, today)} of {self.max_attempts} graded "
                 f"attempt(s) today: the new submission is collected and will be graded tomorrow.", flush=True)
        if (source / "submission_secret.txt").is_file():
            page = notice_page(self.assignment, self.max_attempts, today,
                               (source / "timestamp.txt").read_text() if (source / "timestamp.txt").is_file() else "")
            notebooks = sorted(path.stem for path in self.paths.release.glob("*.ipynb"))
            notebooks = notebooks or sorted(path.stem for path in source.glob("*.ipynb"))
            if not self.publish(student, source, {f"{name}.html": page for name in notebooks}):
                return
        self.state.held[student] = submission
        self.state.save()

    def publish(self, student: str, source: Path, pages: dict) -> bool:
        """nbgrader release_feedback of `pages` ({file name: HTML}) for the submission whose
        timestamp and secret are in `source`; False (with a line) if nbgrader could not."""
        folder = self.release_folder(student)
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for name in ("timestamp.txt", "submission_secret.txt"):
            if (source / name).is_file():
                shutil.copyfile(source / name, folder / name)
        for name, page in pages.items():
            (folder / name).write_text(page)
        with warnings.catch_warnings():
            # nbgrader's API misspells an argument of its ReleaseFeedback (authentictor): not ours to fix.
            warnings.filterwarnings("ignore", category=DeprecationWarning, module="traitlets")
            result = self.api.release_feedback(self.assignment, student)
        if not result["success"]:
            self.say(f"Could not release {student}'s feedback: "
                     f"{one_line((result.get('error') or result.get('log') or '').strip(), 300)}", flush=True)
        return result["success"]

    def _problem(self, sentence):
        """Say a sentence about the exchange once, not at every pass."""
        if sentence != self._last_problem:
            self.say(sentence, flush=True)
            self._last_problem = sentence


def without_scores(page: str) -> str:
    """A feedback page (nbgrader's feedback template, as autograder.grading.feedback writes it) without its
    scores: the total in the title, the per-cell scores in the table of contents and the cell
    headings, and the late penalty. The hidden tests' sentences, the outputs, stay."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    score = re.compile(r"\s*\(?Score: -?[0-9.]+( / [0-9.]+)?\)?\s*")
    for heading in soup.select("div.container > div.panel > div.panel-heading > h4"):
        heading.string = score.sub("", heading.get_text())
    for text in soup.select("#toc li, div.nbgrader_cell > div.panel-heading > span.pull-right"):
        for piece in text.find_all(string=score):
            piece.replace_with(score.sub(" ", piece))
    for penalty in soup.select("#toc li.late-penalty"):
        penalty.decompose()
    return str(soup)


def notice_page(assignment: str, cap: int, today: str, timestamp: str) -> str:
    """The page a student fetches for a submission held back by the cap."""
    when = html.escape(one_line(timestamp, 64))
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(assignment)}: "
            f"{NOT_GRADED_TODAY}</title></head><body>\n<h1>{html.escape(assignment)}: {NOT_GRADED_TODAY}</h1>\n"
            f"<p>Your submission{f' of {when}' if when else ''} was received. You have used your {cap} graded "
            f"attempt(s) for {html.escape(today)}, so it will be graded tomorrow; its feedback will then replace "
            "this page (fetch feedback again). Your latest submission is the one that counts for the grade."
            "</p>\n</body></html>\n")
