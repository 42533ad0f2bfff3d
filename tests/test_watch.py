"""Does `python -m autograder watch` return feedback minutes after a student submits?

An instructor's course root and an nbgrader exchange live in a temporary folder
(autograder/benchmarks/exchange_course.py); students submit and fetch feedback with nbgrader's own commands, each
from a home of their own. `watch` runs as the instructor would run it, in a subprocess.
"""

import json
import re
import signal

import pytest

from autograder.benchmarks.exchange_course import (
    ASSIGNMENT,
    environment,
    fetched_feedback,
    instructor_with_exchange,
    start_watch,
    stop,
    student_home,
    submit,
    wait_for,
)
from autograder.catalogue.loader import load_cases
from autograder.grading.scores import read_scores
from autograder.grading.watch import NOT_GRADED_TODAY
from tests import messy_class
from tests.messy_class import BACKWARD, BUGGY_BACKWARD, CORRECT

BUG = next(case for case in load_cases(ASSIGNMENT) if case.function_name == BACKWARD and case.name == "bug_no_l2_in_dW1")


def run_watch_once(root, *options):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "autograder", "watch", ASSIGNMENT, "--root", str(root), "--once",
                           *options], env=environment(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def state(root):
    return json.loads((root / ".grading" / ASSIGNMENT / "watch.json").read_text())


def graded_lines(output, student):
    """Lines in which the grading pipeline reports one graded submission of `student`."""
    return re.findall(rf"^\s+\[\d+/\d+\] {student}\s", output, re.M)


@pytest.mark.slow
def test_does_watch_grade_a_submission_that_arrives_while_it_runs_and_release_its_feedback(tmp_path):
    root, exchange = instructor_with_exchange(tmp_path)
    log = tmp_path / "watch.log"
    watch = start_watch(root, log, "--interval", "1", "--hide-score")
    try:
        wait_for(lambda: "Watching" in log.read_text(), what="watch to start", log=log)
        home = student_home(tmp_path, "bob", exchange)
        submit(home, BUGGY_BACKWARD)
        pages = wait_for(lambda: "Released bob's feedback" in log.read_text() and fetched_feedback(home),
                         what="bob's feedback", log=log)
        assert watch.poll() is None, "watch stopped after one submission"
    finally:
        code = stop(watch, signal.SIGINT)
    assert code == 0 and log.read_text().rstrip().splitlines()[-1].startswith("Stopped."), log.read_text()
    (page,) = pages.values()
    # The hidden test's sentence about the failing function reaches the student, without scores ...
    assert all(mention in page for mention in BUG.mentions) and "CheckFailure" in page
    assert "Score:" not in page
    # ... while the instructor's own feedback page keeps them.
    assert "Score: 0.0 / 2.0" in (root / "feedback" / "bob" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()


@pytest.mark.slow
def test_does_the_daily_cap_hold_and_the_final_grade_use_the_latest_submission(tmp_path):
    root, exchange = instructor_with_exchange(tmp_path)
    home = student_home(tmp_path, "ada", exchange)
    submit(home, BUGGY_BACKWARD)
    first = run_watch_once(root, "--max-attempts-per-day", "1")
    assert len(graded_lines(first, "ada")) == 1, first
    submit(home, CORRECT)
    second = run_watch_once(root, "--max-attempts-per-day", "1")
    assert graded_lines(second, "ada") == [] and "will be graded tomorrow" in second, second
    assert sum(len(used) for used in state(root)["attempts"].values()) == 1
    pages = fetched_feedback(home)
    assert len(pages) == 2, pages.keys()
    newest = pages[max(pages)]
    assert NOT_GRADED_TODAY in newest and "Score:" not in newest
    assert "CheckFailure" in pages[min(pages)]
    # Another pass the same day neither grades it nor says it again.
    third = run_watch_once(root, "--max-attempts-per-day", "1")
    assert graded_lines(third, "ada") == [] and "tomorrow" not in third, third
    assert [s.total for s in read_scores(root, ASSIGNMENT)] == [(1.0, 3.0)]

    import subprocess
    import sys
    subprocess.run([sys.executable, "-m", "autograder", "grade", ASSIGNMENT, "--root", str(root), "--workers", "1",
                    "--no-progress"], env=environment(), check=True, capture_output=True, timeout=600)
    assert [s.total for s in read_scores(root, ASSIGNMENT)] == [(3.0, 3.0)]


@pytest.mark.slow
def test_does_the_next_days_pass_grade_a_held_submission(tmp_path):
    from autograder.grading.watch import Watch

    root, exchange = instructor_with_exchange(tmp_path)
    home = student_home(tmp_path, "cyd", exchange)
    submit(home, BUGGY_BACKWARD)
    watch = Watch(root, ASSIGNMENT, max_attempts_per_day=1, say=lambda *a, **k: None)
    assert watch.one_pass(today="2026-01-01")["graded"] == ["cyd"]
    submit(home, CORRECT)
    assert watch.one_pass(today="2026-01-01")["held"] == ["cyd"]
    assert watch.one_pass(today="2026-01-02")["graded"] == ["cyd"]
    assert [s.total for s in read_scores(root, ASSIGNMENT)] == [(3.0, 3.0)]
    assert sorted(state(root)["attempts"]["cyd"].values()) == ["2026-01-01", "2026-01-02"]
    newest = fetched_feedback(home)
    assert NOT_GRADED_TODAY not in newest[max(newest)] and "Score: 2.0 / 2.0" in newest[max(newest)]


@pytest.mark.slow
def test_does_a_killed_watch_restart_losing_nothing_and_grading_nothing_twice(tmp_path):
    root, exchange = instructor_with_exchange(tmp_path)
    log = tmp_path / "watch.log"
    watch = start_watch(root, log, "--interval", "1")
    try:
        ada, bob = student_home(tmp_path, "ada", exchange), student_home(tmp_path, "bob", exchange)
        submit(ada, CORRECT)
        wait_for(lambda: "Released ada's feedback" in log.read_text(), what="ada's feedback", log=log)
        submit(bob, BUGGY_BACKWARD)
        wait_for(lambda: "Collected bob's" in log.read_text(), what="bob's submission to be collected", log=log)
    finally:
        stop(watch, signal.SIGKILL)
    before = log.read_text()
    after = run_watch_once(root)
    assert len(graded_lines(before + after, "ada")) == 1, before + after
    assert len(graded_lines(before + after, "bob")) == 1 and "Released bob's feedback" in before + after
    assert {student: len(used) for student, used in state(root)["attempts"].items()} == {"ada": 1, "bob": 1}
    assert sorted(s.total for s in read_scores(root, ASSIGNMENT)) == [(1.0, 3.0), (3.0, 3.0)]
    assert len(fetched_feedback(bob)) == 1 and len(fetched_feedback(ada)) == 1
    # A further pass has nothing to do.
    again = run_watch_once(root)
    assert graded_lines(again, "ada") == graded_lines(again, "bob") == [] and "Released" not in again, again


@pytest.mark.slow
def test_does_watch_go_on_past_submissions_that_break_grading(tmp_path):
    root, exchange = instructor_with_exchange(tmp_path)
    homes = {}
    for student, make in (("eve", messy_class.broken_json), ("kim", messy_class.kernel_dies), ("bob", None)):
        homes[student] = student_home(tmp_path, student, exchange)
        if make:
            make(homes[student] / ASSIGNMENT)
        submit(homes[student], None if make else BUGGY_BACKWARD)
    output = run_watch_once(root)
    assert all(len(graded_lines(output, student)) == 1 for student in homes), output
    scores = {s.student: s for s in read_scores(root, ASSIGNMENT)}
    assert scores["eve"].total == (0.0, 3.0) and scores["eve"].notes and scores["bob"].total == (1.0, 3.0)
    # Each student's page says what happened: the hidden test's sentence, the kernel's end, the repair.
    for student, sentence in (("bob", "CheckFailure"), ("kim", "the kernel stopped"), ("eve", "Grading note")):
        (page,) = fetched_feedback(homes[student]).values()
        assert sentence in page, student


@pytest.mark.slow
def test_does_ctrl_c_while_grading_stop_cleanly_and_leave_the_submission_for_the_next_start(tmp_path):
    root, exchange = instructor_with_exchange(tmp_path)
    log = tmp_path / "watch.log"
    watch = start_watch(root, log, "--interval", "1")
    try:
        home = student_home(tmp_path, "bob", exchange)
        submit(home, BUGGY_BACKWARD)
        wait_for(lambda: "Grading 1 submission" in log.read_text(), what="grading to start", log=log)
    finally:
        code = stop(watch, signal.SIGINT)
    assert code == 0 and log.read_text().rstrip().splitlines()[-1].startswith("Stopped."), log.read_text()
    after = run_watch_once(root)
    assert len(graded_lines(log.read_text() + after, "bob")) == 1, log.read_text() + after
    assert state(root)["attempts"]["bob"] and len(state(root)["attempts"]["bob"]) == 1
    assert "CheckFailure" in next(iter(fetched_feedback(home).values()))


def test_does_a_second_watch_of_the_same_assignment_refuse_to_start(course_root):
    import fcntl

    from autograder.grading.watch import Watch

    said = []
    watch = Watch(course_root, ASSIGNMENT, exchange=course_root / "exchange", say=lambda text, **_: said.append(text))
    watch.folder.mkdir(parents=True)
    with open(watch.folder / "watch.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert watch.run(once=True) == 1
    assert said and "another watch" in said[-1]


def test_are_exchange_entries_whose_student_id_is_no_folder_name_left_in_the_exchange(course_root):
    from autograder.grading.watch import Watch

    inbound = course_root / "exchange" / "practical-deep-learning" / "inbound"
    stamp = "2026-12-07 08:07:11.366031 UTC"
    for student in ("ada", "..", ".hidden", "a b", "x" * 150):
        (inbound / f"{student}+{ASSIGNMENT}+{stamp}+random").mkdir(parents=True)
    (inbound / f"bob+initialization+{stamp}+random").mkdir()
    said = []
    watch = Watch(course_root, ASSIGNMENT, exchange=course_root / "exchange", say=lambda text, **_: said.append(text))
    assert list(watch.newest_in_exchange()) == ["ada"]
    assert len(said) == 1 and "'..'" in said[0] and "'a b'" in said[0] and len(said[0]) < 600


def test_does_the_notice_page_escape_the_time_a_student_handed_in():
    from autograder.grading.watch import notice_page

    page = notice_page(ASSIGNMENT, 2, "2026-12-07", "<script>alert(1)</script>" + "9" * 10_000)
    assert "<script>" not in page and "&lt;script&gt;" in page and len(page) < 2_000
    assert NOT_GRADED_TODAY in page and "2 graded attempt(s)" in page


def test_does_collecting_replace_a_submission_whole_whatever_a_killed_collect_left(course_root):
    from autograder.grading.watch import Watch

    inbound = course_root / "exchange" / "practical-deep-learning" / "inbound"
    newer = inbound / f"bob+{ASSIGNMENT}+2026-12-07 09:00:00.000001 UTC+random"
    newer.mkdir(parents=True)
    (newer / "timestamp.txt").write_text("2026-12-07 09:00:00.000001 UTC")
    (newer / f"{ASSIGNMENT}.ipynb").write_text("the new notebook")
    submitted = course_root / "submitted" / "bob" / ASSIGNMENT
    submitted.mkdir(parents=True)
    (submitted / "timestamp.txt").write_text("2026-12-07 08:00:00.000001 UTC")
    (submitted / "old-helper.py").write_text("from the older submission")
    watch = Watch(course_root, ASSIGNMENT, exchange=course_root / "exchange", say=lambda *a, **k: None)
    # A collect killed half-way left a partial copy behind.
    leftover = course_root / watch.api.coursedir.submitted_directory / "bob" / ASSIGNMENT
    leftover.mkdir(parents=True)
    (leftover / "timestamp.txt").write_text("2026-12-07 09:00:00.000001 UTC")
    assert watch.collect() == ["bob"]
    assert sorted(path.name for path in submitted.iterdir()) == sorted(path.name for path in newer.iterdir())
    assert (submitted / f"{ASSIGNMENT}.ipynb").read_text() == "the new notebook"
    assert watch.collect() == []   # nothing newer in the exchange
