"""The late-submission policy: a percentage of the maximum score per day late, capped, with extensions.

nbgrader applies a late penalty through its late-submission plugin: its `AssignLatePenalties`
autograde step asks the plugin for each notebook's penalty, given the submission's seconds late
(the gradebook's timestamp against the assignment's due date plus any extension recorded in the
gradebook), and stores it in the gradebook, from where nbgrader's score, its CSV export and its
feedback page take it. This module is such a plugin, set in nbgrader_config.py:

    c.AssignLatePenalties.plugin_class = "autograder.grading.late_penalty.PercentPerDayLate"
    c.PercentPerDayLate.percent_per_day = 10     # of the notebook's maximum score, per started day
    c.PercentPerDayLate.max_percent = 50         # never more than this
    c.PercentPerDayLate.extension_hours = {"ada": 48}

A partial day counts as a whole one (one minute late loses one day's percentage). nbgrader never
takes more than the points scored. The submission time that counts is the grader's, never the
student's (autograder.grading.submission_time); the due date is the gradebook's (c.DueDates.due).
"""

import math

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Dict, Float

DAY = 24 * 3600


def duration(seconds: float) -> str:
    """A duration for reading: its two largest units, rounded up ("2 days 3 hours", "1 minute")."""
    seconds = math.ceil(seconds)
    parts = []
    for name, size in (("day", DAY), ("hour", 3600), ("minute", 60), ("second", 1)):
        count, seconds = divmod(seconds, size)
        if count or (parts and len(parts) < 2):
            parts.append((count, name))
    if len(parts) > 2:
        parts = parts[:2]
    shown = [f"{count} {name}{'s' if count != 1 else ''}" for count, name in parts if count]
    return " ".join(shown) or "0 seconds"


class PercentPerDayLate(LateSubmissionPlugin):
    """percent_per_day of the maximum score for each started day late, at most max_percent; a
    student in extension_hours has that many more hours before the penalty starts."""

    percent_per_day = Float(10.0, min=0.0, max=100.0, help=(
        "Percent of the notebook's maximum score lost per day late; a partial day counts as a whole "
        "day.")).tag(config=True)
    max_percent = Float(50.0, min=0.0, max=100.0, help=(
        "The largest penalty, in percent of the notebook's maximum score.")).tag(config=True)
    extension_hours = Dict(value_trait=Float(min=0.0), help=(
        "Per-student extensions: {student id: extra hours after the due date}, e.g. {'ada': 48}. "
        "They add to any extension recorded in the gradebook (formgrader).")).tag(config=True)

    def seconds_late(self, student_id: str, total_seconds_late: float) -> float:
        """Seconds late once the student's configured extension is taken off (at least 0)."""
        return max(0.0, total_seconds_late - 3600 * self.extension_hours.get(student_id, 0.0))

    def percent(self, student_id: str, total_seconds_late: float) -> float:
        """Percent of the maximum score lost for `total_seconds_late` (the gradebook's seconds late)."""
        days = math.ceil(self.seconds_late(student_id, total_seconds_late) / DAY)
        return min(self.max_percent, self.percent_per_day * days)

    def points(self, student_id: str, total_seconds_late: float, max_score: float) -> float:
        """Points lost out of `max_score`."""
        return round(self.percent(student_id, total_seconds_late) / 100 * max_score, 6)

    def policy(self) -> str:
        """The policy in a few words, as the notes quote it."""
        return f"{self.percent_per_day:g}% per day late, partial days counted as whole, capped at {self.max_percent:g}%"

    def sentence(self, student_id: str, total_seconds_late: float, max_score: float) -> str:
        """One sentence for the student's notes, or "" when the submission was on time."""
        if total_seconds_late <= 0:
            return ""
        extension = self.extension_hours.get(student_id, 0.0)
        late = self.seconds_late(student_id, total_seconds_late)
        if late <= 0:
            return (f"Submitted {duration(total_seconds_late)} after the due date, within your extension of "
                    f"{extension:g} hours: no late penalty.")
        with_extension = f" (after your extension of {extension:g} hours)" if extension else ""
        return (f"Submitted {duration(late)} late{with_extension}: -{self.percent(student_id, total_seconds_late):g}% "
                f"({self.points(student_id, total_seconds_late, max_score):g} of {max_score:g} points; "
                f"policy: {self.policy()}).")

    def late_submission_penalty(self, student_id: str, score: float, total_seconds_late: float) -> float:
        """nbgrader's plugin call, once per notebook: the points this notebook loses."""
        return self.points(student_id, total_seconds_late, self._notebook_max_score(student_id, score))

    def _notebook_max_score(self, student_id, score):
        # nbgrader passes the score only; its AssignLatePenalties step (the parent) has the gradebook
        # open on the notebook being graded, and a percentage of the maximum needs that maximum.
        step = self.parent
        try:
            return step.gradebook.find_submission_notebook(step.notebook_id, step.assignment_id, student_id).max_score
        except AttributeError:
            raise RuntimeError("PercentPerDayLate runs as nbgrader's AssignLatePenalties plugin "
                               "(c.AssignLatePenalties.plugin_class), which gives it the gradebook") from None
