"""The time a submission counts as handed in: the course's, never the student's.

nbgrader takes a submission's time from the `timestamp.txt` inside it. `nbgrader submit` writes that
file from the student's own account, as it names the exchange folder, so a student can hand in any
date (2001, say). Here the time that counts is when the submission reached the course, read from
status-change times (ctime): the kernel sets them, and no unprivileged process can set one back
(`touch -d` or a copy that keeps times sets the modification time, which moves the ctime to now).

- When the course's exchange (c.Exchange.root, c.CourseDirectory.course_id in nbgrader_config.py)
  still holds the folder `nbgrader collect` copied (`inbound/<student>+<assignment>+<time>+...`, the
  one whose name's time is that of the collected timestamp.txt), the time is the newest ctime of
  that folder and everything in it: when the submission last changed in the exchange.
- Otherwise, or if that is later, the newest ctime of `submitted/<student>/<assignment>/` and
  everything in it: when `nbgrader collect` (or the instructor) wrote it there, which no submission
  can precede. Without an exchange, collect when the assignment is due, and again later with
  `--update` for late work: a submission collected long after it was handed in counts as received
  when it was collected.

The first grading of each version of a submission (its content fingerprint) records the time in
`.grading/<assignment>/received.json`, so grading again, or a copy of the course that resets the
ctimes, keeps it. The student's `timestamp.txt` is a claim: when it would change the verdict, the
submission gets one sentence saying so (and is flagged for review), and the received time counts.

Due dates are the gradebook's (nbgrader's `assignment.duedate`); `c.DueDates.due` in
nbgrader_config.py sets them on every grading run.
"""

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from traitlets import Dict, Unicode
from traitlets.config import LoggingConfigurable

from autograder.course_paths import CoursePaths
from autograder.grading.late_penalty import duration
from autograder.grading.stage import NOTE_CELL_TITLE, TIMESTAMP_FILE, note_cell

LATE_CELL_TITLE = "**Late submission.**"
# nbgrader's own timestamp format (Exchange.timestamp_format), in UTC.
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f UTC"


class DueDates(LoggingConfigurable):
    """Due dates of assignments, written to the gradebook when grading starts (c.DueDates.due)."""

    due = Dict(value_trait=Unicode(), help=(
        "{assignment: due date}, e.g. {'regularization': '2026-12-14 17:00:00 Europe/Paris'} (a date "
        "without a time zone is UTC). Written to the gradebook's assignment.duedate on every grading "
        "run; assignments not named keep the gradebook's due date (nbgrader db assignment add "
        "--duedate, or the formgrader).")).tag(config=True)


def configured_due_date(assignment: str, config) -> datetime | None:
    """c.DueDates.due[assignment] as a naive UTC datetime (as nbgrader keeps dates), or None."""
    from nbgrader.utils import parse_utc

    configured = DueDates(config=config).due.get(assignment)
    if configured is None:
        return None
    try:
        return parse_utc(configured)
    except (ValueError, OverflowError):
        raise SystemExit(f"error: c.DueDates.due[{assignment!r}] = {configured!r} is not a date, e.g. "
                         "'2026-12-14 17:00:00 UTC'.") from None


def set_due_date(gradebook, assignment: str, config) -> datetime:
    """Write the configured due date of `assignment` (if any) to the open nbgrader `gradebook`;
    returns the gradebook's due date (naive UTC, as nbgrader keeps it), or None."""
    duedate = configured_due_date(assignment, config)
    if duedate is not None:
        gradebook.update_or_create_assignment(assignment, duedate=duedate)
    return gradebook.find_assignment(assignment).duedate


def received_time(folder: Path) -> datetime:
    """When `folder` (a submission in submitted/) last changed: the newest ctime of it and of every
    entry below it (links not followed), as a naive UTC datetime."""
    newest = os.lstat(folder).st_ctime
    for directory, subdirectories, files in os.walk(folder):
        for name in subdirectories + files:
            newest = max(newest, os.lstat(os.path.join(directory, name)).st_ctime)
    return datetime.fromtimestamp(newest, UTC).replace(tzinfo=None)


def course_inbound(course_root: Path):
    """The inbound folder of the course's nbgrader exchange, as its nbgrader_config.py names it
    (nbgrader's default root when it does not), or None without a course id."""
    from nbgrader.exchange.default.exchange import Exchange

    from autograder.nbgrader_course import read_config_file

    config = read_config_file(course_root)
    course_id = config.CourseDirectory.get("course_id") or ""
    root = config.Exchange.get("root") or Exchange.class_traits()["root"].default_value
    return Path(course_root, root) / course_id / "inbound" if course_id else None


def exchange_time(inbound, student: str, assignment: str, claimed: datetime):
    """The newest ctime of the exchange folder(s) of `student`'s `assignment` whose name carries the
    time `claimed` (the collected timestamp.txt: nbgrader submit writes both from one clock
    reading), or None when the exchange has none (cleaned up, elsewhere, or not readable)."""
    from nbgrader.utils import parse_utc

    if inbound is None or claimed is None:
        return None
    prefix = f"{student}+{assignment}+"
    found = []
    try:
        for entry in os.scandir(inbound):
            if entry.name.startswith(prefix) and entry.is_dir(follow_symlinks=False):
                try:
                    named = parse_utc(entry.name[len(prefix):].split("+")[0])
                except (ValueError, OverflowError):
                    continue
                if named == claimed:
                    found.append(received_time(Path(entry.path)))
    except OSError:
        return None
    return max(found) if found else None


class ReceivedTimes:
    """.grading/<assignment>/received.json: {student: {"fingerprint", "received", "source"}}, the
    time each version of a submission was first seen, kept while its content stays the same."""

    def __init__(self, path: Path, inbound=None):
        self.path = Path(path)
        self.inbound = inbound
        self.entries = json.loads(self.path.read_text()) if self.path.exists() else {}

    def time(self, student: str, fingerprint: str, folder: Path) -> datetime:
        entry = self.entries.get(student)
        if entry and entry.get("fingerprint") == fingerprint:
            return datetime.fromisoformat(entry["received"])
        received, source = received_time(folder), "submitted"
        in_exchange = exchange_time(self.inbound, student, folder.name, claimed_time(folder))
        if in_exchange is not None and in_exchange < received:
            received, source = in_exchange, "exchange"
        self.entries[student] = {"fingerprint": fingerprint, "received": received.isoformat(), "source": source}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.entries, indent=1, sort_keys=True))
        os.replace(temporary, self.path)
        return received


def claimed_time(folder: Path):
    """The time the student's own timestamp.txt states, or None (missing or unreadable: staging
    notes an unreadable one)."""
    from nbgrader.utils import parse_utc

    path = Path(folder) / TIMESTAMP_FILE
    if not path.is_file() or path.is_symlink():
        return None
    try:
        with open(path, "rb") as stream:
            return parse_utc(stream.read(200).decode().strip())
    except Exception:  # any text that is not a date is no claim
        return None


def shown(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def seconds_late(received: datetime, duedate: datetime, extension=None) -> float:
    """nbgrader's SubmittedAssignment.total_seconds_late for a submission received at `received`."""
    if duedate is None:
        return 0.0
    return max(0.0, (received - (duedate + extension if extension else duedate)).total_seconds())


class Lateness:
    """What one grading run needs to time its submissions: the due date, the gradebook's
    extensions, the configured plugin and the maximum score of the assignment."""

    def __init__(self, api, assignment, paths: CoursePaths):
        from nbgrader.api import Gradebook
        from nbgrader.preprocessors import AssignLatePenalties

        self.assignment = assignment
        self.received = ReceivedTimes(paths.received_times, course_inbound(api.coursedir.root))
        with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
            self.duedate = gradebook.find_assignment(assignment).duedate
            self.max_score = gradebook.find_assignment(assignment).max_score
            self.extensions = {s.student.id: s.extension for s in gradebook.find_assignment(assignment).submissions
                               if s.extension}
        self.plugin = AssignLatePenalties(config=api.config).plugin_class(config=api.config)

    def _verdict(self, student, late):
        """What the policy makes of `late` seconds: the percentage for a PercentPerDayLate, else
        whether it is late at all (nbgrader's own plugin)."""
        return self.plugin.percent(student, late) if hasattr(self.plugin, "percent") else late > 0

    def apply(self, student: str, fingerprint: str, submitted: Path, staged) -> list:
        """Give the staged submission the received time as its timestamp.txt (nbgrader's autograde
        reads it from there), add a sentence to staged.notes when the student's timestamp.txt claims
        a time that would change the verdict, and return the late-penalty sentences (for the notes,
        the score table and the feedback, but not a reason for review)."""
        received = self.received.time(student, fingerprint, submitted) if submitted.is_dir() else None
        if received is None:
            return []
        (staged.folder / TIMESTAMP_FILE).write_text(received.strftime(TIMESTAMP_FORMAT))
        extension = self.extensions.get(student)
        late = seconds_late(received, self.duedate, extension)
        claimed = claimed_time(submitted)
        claimed_late = seconds_late(claimed, self.duedate, extension) if claimed is not None else late
        if self._verdict(student, claimed_late) != self._verdict(student, late):
            staged.notes.append(f"Your {TIMESTAMP_FILE} says {shown(claimed)}, but the submission reached the course "
                                f"at {shown(received)}; that time counts.")
        if late <= 0:
            return []
        if hasattr(self.plugin, "sentence"):
            return [self.plugin.sentence(student, late, self.max_score)]
        return [f"Submitted {duration(late)} after the due date ({shown(self.duedate)})."]


def rewrite_note_cells(staged, late_notes):
    """Put the staging notes (which may have grown) and the late-penalty sentences first in each
    staged notebook: they open the student's feedback."""
    import nbformat
    from nbformat.v4 import new_markdown_cell

    for name in staged.notebooks:
        path = staged.folder / name
        notebook = nbformat.read(path, as_version=4)
        cells = [cell for cell in notebook.cells if not (cell.cell_type == "markdown" and (
            cell.source.startswith(NOTE_CELL_TITLE) or cell.source.startswith(LATE_CELL_TITLE))
            and str(cell.get("id", "")).startswith(("grading-note-", "late-note-")))]
        first = []
        if late_notes:
            cell = new_markdown_cell(LATE_CELL_TITLE + " " + " ".join(late_notes))
            cell.id = "late-note-" + os.urandom(4).hex()
            first.append(cell)
        if staged.notes:
            first.append(note_cell(staged.notes))
        notebook.cells = first + cells
        nbformat.write(notebook, path)
