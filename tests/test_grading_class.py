"""Does grading a whole class end with a verdict for everyone, whatever they handed in?

The messy class (tests/messy_class.py) goes through `python -m autograder grade` with real
nbgrader, sandboxed kernels and Dask workers: locally, serially, interrupted and resumed, on a Dask
cluster started as separate processes, and with the gradebook in PostgreSQL.
"""

import csv
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from autograder.__main__ import main
from autograder.grading.scores import read_scores
from autograder.nbgrader_course import REPO_ROOT
from tests import messy_class
from tests.conftest import make_course_root

pytestmark = pytest.mark.slow
ASSIGNMENT = "regularization"


def messy_course(directory, students=tuple(messy_class.CLASS)):
    directory.mkdir(parents=True, exist_ok=True)
    root = make_course_root(directory)
    messy_class.hand_in(root, students)
    return root


def verdicts(course_root, db_url=None):
    """{student: (total, {grade_id: reason}, notes)} as read back from the gradebook and the ledger."""
    return {r.student: (r.total[0], r.reasons, tuple(r.notes)) for r in read_scores(course_root, ASSIGNMENT, db_url)}


def assert_expected(found, students=tuple(messy_class.CLASS)):
    assert sorted(found) == sorted(students)
    for student in students:
        expected = messy_class.CLASS[student][1]
        total, reasons, notes = found[student]
        assert total == expected.total, (student, total, reasons, notes)
        assert bool(notes) == expected.noted, (student, notes)
        if expected.says:
            said = " ".join(notes) if expected.noted else " ".join(reasons.values())
            assert expected.says in said, (student, said)
        if expected.total == 3 and not expected.noted:
            assert not reasons and not notes, student


def grade(*arguments):
    return main(["grade", ASSIGNMENT, "--no-progress", *map(str, arguments)])


def test_does_every_messy_submission_get_its_score_and_sentence_everywhere(tmp_path, capsys):
    root = messy_course(tmp_path)
    assert grade("--root", root) == 0
    found = verdicts(root)
    assert_expected(found)

    # grades.csv: every student, the same score, the note in its own column
    with open(root / "grades.csv", newline="") as stream:
        rows = {row["student_id"]: row for row in csv.DictReader(stream)}
    assert sorted(rows) == sorted(messy_class.CLASS)
    for student, (total, _, notes) in found.items():
        assert float(rows[student]["score"]) == total
        assert rows[student]["notes"] == " ".join(notes)

    # feedback: one page per student; a changed submission's page starts with what was changed
    for student, (_, _, notes) in found.items():
        page = (root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
        assert "Grading note" in page if notes else "Grading note" not in page
    assert "is not valid JSON" in (root / "feedback" / "broken_json" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert (root / "reports" / f"{ASSIGNMENT}.html").stat().st_size > 10_000

    # the students' own files are as they handed them in
    assert (root / "submitted" / "link_to_gradebook" / ASSIGNMENT / "notes.json").is_symlink()
    assert (root / "submitted" / "empty_file" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_bytes() == b""

    # a rerun grades nothing that did not change, and keeps every verdict
    capsys.readouterr()
    assert grade("--root", root) == 0
    assert "22 submission(s), 0 to grade" in capsys.readouterr().out
    assert verdicts(root) == found

    # a changed submission is graded again, and only it
    messy_class.honest(root / "submitted" / "untouched" / ASSIGNMENT)
    assert grade("--root", root) == 0
    assert "1 to grade" in capsys.readouterr().out
    assert verdicts(root)["untouched"][0] == 3
    messy_class.untouched(root / "submitted" / "untouched" / ASSIGNMENT)

    # serial grading (one worker, no cluster) gives the same verdicts as the parallel run
    assert grade("--root", root, "--force", "--workers", 1) == 0
    assert "22 to grade" in capsys.readouterr().out
    assert verdicts(root) == found


def ledger_done(root):
    path = root / ".grading" / ASSIGNMENT / "ledger.json"
    try:
        return sum(entry["state"] == "done" for entry in json.loads(path.read_text()).values())
    except (FileNotFoundError, json.JSONDecodeError):
        return 0


def start_grading(root):
    return subprocess.Popen([sys.executable, "-m", "autograder", "grade", ASSIGNMENT, "--root", str(root),
                             "--no-progress", "--workers", "2"], cwd=REPO_ROOT, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_for_done(root, process, count, timeout=300):
    deadline = time.monotonic() + timeout
    while ledger_done(root) < count:
        assert process.poll() is None, process.stdout.read()
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_does_an_interrupted_run_resume_to_the_same_verdicts(tmp_path):
    students = [s for s in messy_class.CLASS if s != "times_out"]
    root = messy_course(tmp_path, students)

    # Ctrl-C: the run stops between two students, says so, and exits 130
    process = start_grading(root)
    wait_for_done(root, process, 5)
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 130, output
    assert re.search(r"Interrupted: \d+ submission\(s\) graded, \d+ left", output)
    interrupted_at = ledger_done(root)
    assert 5 <= interrupted_at < len(students)

    # kill -9 of the whole run, workers included, in the middle of the rest
    process = start_grading(root)
    wait_for_done(root, process, interrupted_at + 2)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate()

    # the next run grades what is left (and whatever the kill cut short), and the verdicts are a fresh run's
    assert grade("--root", root) == 0
    assert_expected(verdicts(root), students)
    assert ledger_done(root) == len(students)


def start(command, ready, environment):
    """Start a Dask command and wait for the line matching `ready` in its log; returns (process, match)."""
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    for line in process.stdout:
        match = re.search(ready, line)
        if match:
            return process, match
        assert time.monotonic() < deadline, "the Dask process did not start"
    raise AssertionError(f"{command[2]} ended before it was ready")


def test_does_an_existing_dask_cluster_grade_the_same_as_the_local_one(tmp_path):
    students = ["honest_ada", "buggy_backward", "untouched", "broken_json", "renamed", "kernel_dies",
                "cells_deleted", "exhausts_memory"]
    local = messy_course(tmp_path / "local", students)
    assert grade("--root", local) == 0

    environment = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    scheduler, match = start([*dask, "--host", "127.0.0.1", "--port", "0", "--no-dashboard"],
                             r"Scheduler at:\s+(tcp://127\.0\.0\.1:\d+)", environment)
    address = match.group(1)
    workers = [start([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                      "--host", "127.0.0.1", "--no-dashboard", "--name", f"worker-{i}"],
                     r"Registered to", environment)[0] for i in range(2)]
    try:
        remote = messy_course(tmp_path / "remote", students)
        assert grade("--root", remote, "--scheduler", address) == 0
        ledger = json.loads((remote / ".grading" / ASSIGNMENT / "ledger.json").read_text())
        assert len(ledger) == len(students)
    finally:
        for process in [*workers, scheduler]:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    assert verdicts(remote) == verdicts(local)
    assert_expected(verdicts(remote), students)


def test_does_the_messy_class_grade_into_postgresql(tmp_path, postgres_url):
    from sqlalchemy import create_engine, text

    root = messy_course(tmp_path)
    assert grade("--root", root, "--db-url", postgres_url) == 0
    assert not (root / "gradebook.db").exists()
    assert_expected(verdicts(root, postgres_url))
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        assert connection.execute(text("select count(*) from submitted_assignment")).scalar() == len(messy_class.CLASS)
    engine.dispose()


def test_does_a_failure_of_the_grader_on_one_submission_still_give_it_a_verdict(tmp_path, monkeypatch):
    from autograder.grading import pipeline

    students = ["honest_ada", "untouched"]
    root = messy_course(tmp_path, students)
    stage = pipeline.stage_submission

    def stage_failing_on_ada(submitted, *args):
        if "honest_ada" in str(submitted):
            raise RuntimeError("a bug of the grader")
        return stage(submitted, *args)

    monkeypatch.setattr(pipeline, "stage_submission", stage_failing_on_ada)
    assert grade("--root", root, "--workers", 1) == 0
    found = verdicts(root)
    assert found["honest_ada"][0] == 0
    assert found["honest_ada"][2] == ("The grader could not prepare this submission (RuntimeError: a bug of the "
                                      "grader); the blank release notebook was graded instead, so every test "
                                      "scores 0 until an instructor looks at it.",)
    assert found["untouched"][0] == 0 and not found["untouched"][2]
