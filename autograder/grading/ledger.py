"""What the grading of an assignment has done so far, so that a rerun grades only what changed.

One JSON file per assignment, `.grading/<assignment>/ledger.json` in the course root, written only
by the grading process and always replaced whole (write to a temporary file, then rename), so an
interrupted run leaves either the old or the new file. For each student it holds the fingerprint
of the submission and of the grading code it was graded with, and a state:

- "recording": the grader started writing this student's results to the gradebook. A run killed
  at that moment leaves the state behind, and the next run grades the student again, which
  replaces whatever half of the results nbgrader had written.
- "done": gradebook, autograded notebook and feedback are complete; plus the notes and review
  reasons the score table and grades.csv show, and the grading time.
"""

import contextlib
import hashlib
import json
import os
from pathlib import Path

from autograder.course_paths import CoursePaths
from autograder.nbgrader_course import REPO_ROOT


def grading_code_fingerprint(course_root: str | Path, assignment: str) -> str:
    """A hash of everything that decides a verdict besides the submission: the source notebooks,
    nbgrader_config.py, and the grader's and the course package's code and data. Changing any of
    them grades every submission again."""
    digest = hashlib.sha256()
    course_root = Path(course_root)
    paths = sorted(CoursePaths(course_root, assignment).source.rglob("*")) + [course_root / "nbgrader_config.py"]
    for package in ("autograder", "course"):
        paths += sorted(p for p in (REPO_ROOT / package).rglob("*")
                        if p.suffix in (".py", ".h5") and not {"benchmarks", "catalogue"} & set(p.parts))
    for path in paths:
        if path.is_file():
            digest.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def verdict_code(course_root: str | Path, assignment: str, duedate) -> str:
    """What decides a verdict besides the submission: the grading code's fingerprint and the due date
    (a new due date changes every late penalty). `grade` and `watch` both key the ledger with it."""
    return grading_code_fingerprint(course_root, assignment) + f":due {duedate}"


class Ledger:
    """The ledger of one assignment in one course root."""

    def __init__(self, course_root: str | Path, assignment: str):
        self.path = CoursePaths(course_root, assignment).ledger
        self.entries = json.loads(self.path.read_text()) if self.path.exists() else {}
        self._deferred = False

    def is_current(self, student: str, fingerprint: str) -> bool:
        entry = self.entries.get(student)
        return bool(entry) and entry.get("state") == "done" and entry.get("fingerprint") == fingerprint

    def start(self, student: str, fingerprint: str) -> None:
        self.entries[student] = {"state": "recording", "fingerprint": fingerprint}
        self._save()

    def finish(self, student: str, fingerprint: str, notes: list[str], review: list[str], seconds: float) -> None:
        self.entries[student] = {"state": "done", "fingerprint": fingerprint, "notes": list(notes),
                                 "review": list(review), "seconds": round(seconds, 2)}
        self._save()

    def seconds(self) -> dict[str, float]:
        """{student: grading time on its worker} of every finished student."""
        return {student: entry["seconds"] for student, entry in self.entries.items() if entry.get("state") == "done"}

    def notes(self, student: str) -> list[str]:
        return self.entries.get(student, {}).get("notes", [])

    def review(self, student: str) -> list[str]:
        """Why an instructor should look at the submission (instructor only; see flag_for_review)."""
        return self.entries.get(student, {}).get("review", [])

    @contextlib.contextmanager
    def saved_once(self):
        """Within this block, changes are saved once, at its end (even if it raises): a batch of
        students costs one write of the file."""
        self._deferred = True
        try:
            yield
        finally:
            self._deferred = False
            self._save()

    def _save(self):
        if self._deferred:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.entries, indent=1, sort_keys=True))
        os.replace(temporary, self.path)
