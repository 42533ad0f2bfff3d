"""Where every file of one assignment lives in a course root: the one place that spells the paths.

nbgrader's folders (source/, release/, submitted/, autograded/, feedback/) are its default
`CourseDirectory` layout, which this course keeps; the grader's own are `.grading/` (its working
folder), `reports/` and `exports/`. The gradebook's location is not a path here: it is a database
URL (`nbgrader_course.gradebook_url`), in SQLite or PostgreSQL.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CoursePaths:
    """The paths of `assignment` in the course root `root`."""
    root: Path
    assignment: str

    def __post_init__(self):
        object.__setattr__(self, "root", Path(self.root))

    # --- nbgrader's folders -----------------------------------------------------------------
    @property
    def source(self) -> Path:
        return self.root / "source" / self.assignment

    @property
    def release(self) -> Path:
        return self.root / "release" / self.assignment

    def submitted(self, student: str) -> Path:
        """What the student handed in; the grader never changes it."""
        return self.root / "submitted" / student / self.assignment

    def autograded(self, student: str) -> Path:
        return self.root / "autograded" / student / self.assignment

    def feedback(self, student: str) -> Path:
        return self.root / "feedback" / student / self.assignment

    # --- the grader's working folder ----------------------------------------------------------
    @property
    def grading(self) -> Path:
        """.grading/<assignment>/: the staged copies, executed notebooks and the ledger."""
        return self.root / ".grading" / self.assignment

    @property
    def staged(self) -> Path:
        """Where submissions are copied and repaired; nbgrader autogrades from here."""
        return self.grading / "staged"

    @property
    def executed(self) -> Path:
        return self.grading / "executed"

    @property
    def ledger(self) -> Path:
        return self.grading / "ledger.json"

    @property
    def report_charts(self) -> Path:
        """The class report's charts as last drawn, keyed by what they show (redrawn when it changes)."""
        return self.grading / "report_charts.json"

    @property
    def grading_lock(self) -> Path:
        """Held by each grading of the assignment (`grade`, a `watch` pass) from start to end, so that
        two never stage, run and record the same submissions side by side."""
        return self.grading / "grading.lock"

    @property
    def watch(self) -> Path:
        """`watch`'s own folder: the submissions it is collecting and the feedback it releases
        (autograder.grading.watch)."""
        return self.grading / "watch"

    @property
    def watch_state(self) -> Path:
        """What `watch` has done: attempts, releases, held and failed submissions (watch.WatchState)."""
        return self.grading / "watch.json"

    @property
    def watch_lock(self) -> Path:
        """Held by a running `watch` of the assignment, so that a second one refuses to start."""
        return self.grading / "watch.lock"

    @property
    def watch_collecting(self) -> Path:
        """Where nbgrader collect copies a submission before it replaces submitted/<student>/."""
        return self.watch / "collecting"

    @property
    def watch_feedback(self) -> Path:
        """The feedback `watch` releases (score hidden, or a notice), apart from grade's feedback/."""
        return self.watch / "feedback"

    # --- what the instructor reads ------------------------------------------------------------
    @property
    def grades_csv(self) -> Path:
        """grades.csv: the whole gradebook (every assignment), as nbgrader exports it."""
        return self.root / "grades.csv"

    @property
    def class_report(self) -> Path:
        return self.root / "reports" / f"{self.assignment}.html"

    @property
    def similarity_report(self) -> Path:
        return self.root / "reports" / f"{self.assignment}-similarity.html"

    def export_folder(self, kind: str) -> Path:
        """exports/<kind>/<assignment>/, for an export of one file per student (gradescope)."""
        return self.root / "exports" / kind / self.assignment

    def export_file(self, kind: str) -> Path:
        """exports/<kind>/<assignment>.csv, for an export of one file per class (canvas, moodle)."""
        return self.root / "exports" / kind / f"{self.assignment}.csv"

    @property
    def received_times(self) -> Path:
        """When each version of a submission reached the course (autograder.grading.submission_time)."""
        return self.grading / "received.json"


@dataclass(frozen=True)
class GradescopeContainer:
    """Gradescope's grading container (its autograder specification): `root` is /autograder."""
    root: Path

    @property
    def source(self) -> Path:
        """Where Gradescope unpacks the autograder zip: a prepared course root of its own."""
        return Path(self.root) / "source"

    @property
    def submission(self) -> Path:
        """What the student uploaded."""
        return Path(self.root) / "submission"

    @property
    def results(self) -> Path:
        return Path(self.root) / "results" / "results.json"


def assignments_in_source(root: str | Path) -> list[str]:
    """The assignments of a course root: the folders of its source/."""
    return sorted(path.name for path in (Path(root) / "source").iterdir() if path.is_dir())
