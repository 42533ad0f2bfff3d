"""Is late work penalized by the configured policy, from a time the student cannot choose?

Unit tests of the policy (autograder.grading.late_penalty) and of the submission time
(autograder.grading.submission_time), then a tiny class graded end to end with real nbgrader: a late
submission loses exactly the configured points, an on-time one none, and a timestamp.txt dated
2001 does not avoid the penalty.
"""

import csv
import os
import time
from datetime import UTC, datetime, timedelta

import pytest
from traitlets.config import Config

from autograder.grading.late_penalty import DAY, PercentPerDayLate, duration
from autograder.grading.scores import StudentScores, format_table
from autograder.grading.submission_time import ReceivedTimes, claimed_time, received_time, seconds_late

HOUR = 3600


def policy(**settings):
    return PercentPerDayLate(**{"percent_per_day": 10, "max_percent": 50, **settings})


# --- the policy ---------------------------------------------------------------------------------------

def test_is_an_on_time_submission_not_penalized():
    assert policy().percent("ada", 0) == 0
    assert policy().points("ada", 0, 3) == 0
    assert policy().sentence("ada", 0, 3) == ""


def test_does_one_minute_late_cost_a_whole_day():
    assert policy().percent("ada", 60) == 10
    assert policy().points("ada", 60, 3) == pytest.approx(0.3)
    assert policy().sentence("ada", 60, 3) == ("Submitted 1 minute late: -10% (0.3 of 3 points; policy: 10% per day "
                                              "late, partial days counted as whole, capped at 50%).")


def test_does_two_and_a_half_days_late_cost_three_days():
    assert policy().percent("ada", 2.5 * DAY) == 30
    assert policy().points("ada", 2.5 * DAY, 4) == pytest.approx(1.2)
    assert policy().sentence("ada", 2.5 * DAY, 4).startswith("Submitted 2 days 12 hours late: -30% (1.2 of 4 points")


def test_is_the_penalty_capped():
    assert policy().percent("ada", 9 * DAY) == 50
    assert policy(max_percent=100).percent("ada", 30 * DAY) == 100
    assert policy().points("ada", 400 * DAY, 3) == pytest.approx(1.5)


def test_does_an_extension_move_the_due_date_for_that_student_only():
    extended = policy(extension_hours={"ada": 48})
    assert extended.percent("ada", 47 * HOUR) == 0
    assert "within your extension of 48 hours: no late penalty" in extended.sentence("ada", 47 * HOUR, 3)
    assert extended.percent("ada", 49 * HOUR) == 10
    assert "late (after your extension of 48 hours): -10%" in extended.sentence("ada", 49 * HOUR, 3)
    assert extended.percent("bob", 47 * HOUR) == 20


def test_is_a_duration_read_in_its_two_largest_units():
    assert duration(1) == "1 second"
    assert duration(61) == "1 minute 1 second"
    assert duration(2 * DAY + 3 * HOUR + 5 * 60) == "2 days 3 hours"
    assert duration(2 * DAY + 59) == "2 days"


def test_is_the_policy_set_through_nbgraders_late_submission_step():
    from nbgrader.preprocessors import AssignLatePenalties

    config = Config()
    config.AssignLatePenalties.plugin_class = "autograder.grading.late_penalty.PercentPerDayLate"
    config.PercentPerDayLate.percent_per_day = 25
    step = AssignLatePenalties(config=config)
    step.init_plugin()
    assert isinstance(step.plugin_inst, PercentPerDayLate)
    assert step.plugin_inst.percent("ada", 1) == 25


# --- the time that counts -----------------------------------------------------------------------------

def test_does_a_file_dated_2001_not_make_the_received_time_earlier(tmp_path):
    before = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=1)
    (tmp_path / "regularization.ipynb").write_text("{}")
    long_ago = datetime(2001, 1, 1, tzinfo=UTC).timestamp()
    os.utime(tmp_path / "regularization.ipynb", (long_ago, long_ago))
    os.utime(tmp_path, (long_ago, long_ago))
    assert received_time(tmp_path) >= before


def test_is_the_received_time_kept_while_the_submission_is_unchanged(tmp_path):
    submission = tmp_path / "submitted"
    submission.mkdir()
    times = ReceivedTimes(tmp_path / "grading" / "received.json")
    first = times.time("ada", "fingerprint-1", submission)
    time.sleep(0.05)
    (submission / "later.txt").write_text("touched after")
    assert ReceivedTimes(tmp_path / "grading" / "received.json").time("ada", "fingerprint-1", submission) == first
    assert ReceivedTimes(tmp_path / "grading" / "received.json").time("ada", "fingerprint-2", submission) > first


def test_does_a_submission_still_in_the_exchange_count_from_its_arrival_there(tmp_path):
    import shutil

    stamp = "2026-12-07 08:00:00.000000 UTC"
    inbound = tmp_path / "exchange" / "course" / "inbound"
    handed_in = inbound / f"ada+regularization+{stamp}+RaNdOm"
    handed_in.mkdir(parents=True)
    (handed_in / "regularization.ipynb").write_text("{}")
    (handed_in / "timestamp.txt").write_text(stamp)
    (inbound / "ada+regularization+2026-12-09 08:00:00.000000 UTC+other").mkdir()   # not the one collected
    time.sleep(0.05)
    collected = tmp_path / "submitted" / "ada" / "regularization"
    shutil.copytree(handed_in, collected)
    times = ReceivedTimes(tmp_path / "grading" / "received.json", inbound)
    assert times.time("ada", "fingerprint", collected) == received_time(handed_in) < received_time(collected)
    assert times.entries["ada"]["source"] == "exchange"
    # A timestamp.txt that no exchange folder carries: the time it was collected counts.
    (collected / "timestamp.txt").write_text("2001-01-01 00:00:00.000000 UTC")
    times = ReceivedTimes(tmp_path / "grading2" / "received.json", inbound)
    assert times.time("ada", "fingerprint", collected) == received_time(collected)
    assert times.entries["ada"]["source"] == "submitted"


def test_is_a_students_timestamp_read_as_a_claim(tmp_path):
    (tmp_path / "timestamp.txt").write_text("2001-01-01 00:00:00.000000 UTC\n")
    assert claimed_time(tmp_path) == datetime(2001, 1, 1)
    (tmp_path / "timestamp.txt").write_text("the day before the deadline")
    assert claimed_time(tmp_path) is None


def test_is_lateness_counted_from_the_due_date_and_the_gradebooks_extension():
    due = datetime(2026, 12, 1, 17)
    assert seconds_late(due - timedelta(hours=1), due) == 0
    assert seconds_late(due + timedelta(hours=1), due) == HOUR
    assert seconds_late(due + timedelta(hours=1), due, timedelta(hours=2)) == 0
    assert seconds_late(due + timedelta(days=9), None) == 0


def test_does_the_score_table_show_the_penalty_and_take_it_off_the_total():
    results = [StudentScores("ada", {"test_cost": (1.0, 1.0), "test_backward": (2.0, 2.0)}),
               StudentScores("bob", {"test_cost": (1.0, 1.0), "test_backward": (2.0, 2.0)}, late_penalty=0.6,
                             notes=["Submitted 1 second late: -20% (0.6 of 3 points; policy: ...)."])]
    assert results[1].total == (2.4, 3.0)
    table = format_table("regularization", results)
    header, ada, bob = table.splitlines()[1], table.splitlines()[3], table.splitlines()[4]
    assert header.split()[-2:] == ["late", "total"]
    assert ada.split()[-1] == "3/3" and bob.split()[-2:] == ["-0.6", "2.4/3"]
    assert "bob: Submitted 1 second late: -20%" in table


# --- a tiny class, graded end to end --------------------------------------------------------------------

POLICY = """
c.Execute.timeout = 8
c.AssignLatePenalties.plugin_class = "autograder.grading.late_penalty.PercentPerDayLate"
c.PercentPerDayLate.percent_per_day = 20
c.PercentPerDayLate.max_percent = 50
c.PercentPerDayLate.extension_hours = {{"eve": 1}}
c.DueDates.due = {{"regularization": "{due}"}}
"""


@pytest.mark.slow
def test_does_a_late_submission_lose_exactly_the_configured_points(course_root, capsys):
    from nbgrader.api import Gradebook

    from autograder.__main__ import main
    from autograder.grading.scores import read_scores
    from autograder.submissions import write_submission
    from tests.messy_class import NOTEBOOK, notebook

    write_submission(course_root, "regularization", "ada", {NOTEBOOK: notebook()})   # before the due date
    due = datetime.now(UTC) + timedelta(seconds=1)
    with open(course_root / "nbgrader_config.py", "a") as config:
        config.write(POLICY.format(due=due.strftime("%Y-%m-%d %H:%M:%S.%f UTC")))
    # More than a second: ctimes may be whole seconds.
    time.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()) + 1.1)
    for student in ("bob", "eve", "mal"):                                              # after it
        folder = write_submission(course_root, "regularization", student, {NOTEBOOK: notebook()})
    (folder / "timestamp.txt").write_text("2001-01-01 00:00:00.000000 UTC")   # mal's forged time

    assert main(["grade", "regularization", "--root", str(course_root), "--workers", "1", "--no-progress"]) == 0
    printed = capsys.readouterr().out

    found = {result.student: result for result in read_scores(course_root, "regularization")}
    assert {s: (r.total, r.late_penalty) for s, r in found.items()} == {
        "ada": ((3.0, 3.0), 0.0), "bob": ((2.4, 3.0), pytest.approx(0.6)),
        "eve": ((3.0, 3.0), 0.0), "mal": ((2.4, 3.0), pytest.approx(0.6))}
    late_sentence = ("late: -20% (0.6 of 3 points; policy: 20% per day late, partial days counted as whole, "
                     "capped at 50%).")
    assert found["ada"].notes == []
    assert len(found["bob"].notes) == 1 and late_sentence in found["bob"].notes[0]
    assert "within your extension of 1 hours: no late penalty" in found["eve"].notes[0]
    claim = [note for note in found["mal"].notes if "timestamp.txt says 2001-01-01 00:00:00 UTC" in note]
    assert len(claim) == 1 and "that time counts" in claim[0]
    assert any(late_sentence in note for note in found["mal"].notes)
    assert found["mal"].review and found["bob"].review is None

    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gradebook:
        assert gradebook.find_submission("regularization", "mal").timestamp > due.replace(tzinfo=None)
        assert gradebook.find_submission("regularization", "ada").timestamp < due.replace(tzinfo=None)

    with open(course_root / "grades.csv", newline="") as stream:
        rows = {row["student_id"]: row for row in csv.DictReader(stream)}
    assert float(rows["bob"]["late_submission_penalty"]) == pytest.approx(0.6)
    assert float(rows["bob"]["score"]) == pytest.approx(2.4)
    assert float(rows["ada"]["late_submission_penalty"]) == 0 and late_sentence in rows["bob"]["notes"]

    bob_row = next(line for line in printed.splitlines() if line.startswith("bob "))
    assert bob_row.split()[-2:] == ["-0.6", "2.4/3"]
    report = (course_root / "reports" / "regularization.html").read_text()
    assert "2 with a late penalty" in report and late_sentence in report
    feedback = {student: (course_root / "feedback" / student / "regularization" / "regularization.html").read_text()
                for student in ("ada", "bob")}
    assert "Late submission." in feedback["bob"] and "-20% (0.6 of 3 points" in feedback["bob"]
    assert "Late submission" not in feedback["ada"]


def nbgrader(cwd, *arguments):
    """Run an nbgrader command as an instructor or a student would, in `cwd`."""
    import subprocess
    import sys

    command = [os.path.join(os.path.dirname(sys.executable), "nbgrader"), *map(str, arguments)]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.slow
def test_does_the_time_a_submission_reached_the_exchange_count_not_when_it_was_collected(tmp_path):
    """Handed in through nbgrader's exchange before and after the due date, collected after it: the
    on-time submission keeps its points, the late one and one forged into the exchange with a 2001
    name and timestamp.txt lose the configured 20 %."""
    import json

    import nbformat

    from autograder.__main__ import main
    from autograder.grading.scores import read_scores
    from tests.conftest import make_course_root
    from tests.messy_class import NOTEBOOK, notebook

    course = "practical-deep-learning"
    exchange, instructor = tmp_path / "exchange", tmp_path / "instructor"
    exchange.mkdir(mode=0o777)
    instructor.mkdir()
    make_course_root(instructor)
    with open(instructor / "nbgrader_config.py", "a") as config:
        config.write(f"\nc.Exchange.root = {str(exchange)!r}\n")
    assert main(["release", "regularization", "--root", str(instructor)]) == 0
    nbgrader(instructor, "release_assignment", "regularization")

    def submit(student):
        home = tmp_path / student / "regularization"
        home.mkdir(parents=True)
        nbformat.write(notebook(), home / NOTEBOOK)
        nbgrader(home.parent, "submit", "regularization", f"--Exchange.root={exchange}",
                 f"--Exchange.cache={tmp_path / 'cache'}", f"--CourseDirectory.course_id={course}",
                 f"--CourseDirectory.student_id={student}")

    submit("ada")
    due = datetime.now(UTC) + timedelta(seconds=1)
    with open(instructor / "nbgrader_config.py", "a") as config:
        config.write(POLICY.format(due=due.strftime("%Y-%m-%d %H:%M:%S.%f UTC")))
    # More than a second: ctimes may be whole seconds.
    time.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()) + 1.1)
    submit("bob")
    forged = exchange / course / "inbound" / "mal+regularization+2001-01-01 00:00:00.000000 UTC+forged"
    forged.mkdir()
    nbformat.write(notebook(), forged / NOTEBOOK)
    (forged / "timestamp.txt").write_text("2001-01-01 00:00:00.000000 UTC")
    nbgrader(instructor, "collect", "regularization")   # after the due date
    assert main(["grade", "regularization", "--root", str(instructor), "--workers", "1", "--no-progress"]) == 0

    found = {result.student: result for result in read_scores(instructor, "regularization")}
    assert {s: (r.total, r.late_penalty) for s, r in found.items()} == {
        "ada": ((3.0, 3.0), 0.0), "bob": ((2.4, 3.0), pytest.approx(0.6)), "mal": ((2.4, 3.0), pytest.approx(0.6))}
    assert found["ada"].notes == []
    assert any("timestamp.txt says 2001-01-01 00:00:00 UTC" in note for note in found["mal"].notes)
    sources = json.loads((instructor / ".grading" / "regularization" / "received.json").read_text())
    assert {student: entry["source"] for student, entry in sources.items()} == {
        "ada": "exchange", "bob": "exchange", "mal": "exchange"}
