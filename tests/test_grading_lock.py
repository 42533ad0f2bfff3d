"""Do two gradings of one assignment on one course root run one after the other?

A `watch` pass and a `grade` (or two `grade`s) of the same assignment would stage, run and record
the same submissions side by side: one could grade a staged copy the other is rewriting. Each
grading holds the assignment's lock (.grading/NAME/grading.lock) from start to end.
"""

import signal
import subprocess
import sys
import time

from autograder.course_paths import CoursePaths
from autograder.grading import pipeline
from autograder.nbgrader_course import REPO_ROOT

ASSIGNMENT = "regularization"
HOLD_THEN_DIE = r"""
import os, signal, sys, time
from pathlib import Path
from autograder.grading.pipeline import one_grading_at_a_time
with one_grading_at_a_time(Path(sys.argv[1]), sys.argv[2]):
    print("held", flush=True)
    time.sleep(float(sys.argv[3]))
    print(time.time(), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)   # as a grading killed with kill -9: the kernel frees the lock
"""


def hold_lock(root, assignment, seconds):
    """A process that holds the grading lock of `assignment` for `seconds`, then dies of SIGKILL."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THEN_DIE, str(CoursePaths(root, assignment).grading_lock),
                               assignment, str(seconds)], stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT)
    assert holder.stdout.readline() == "held\n"
    return holder


def started_at(times):
    def record_start(run):
        times.append(time.time())
    return record_start


def test_does_a_grading_wait_until_another_grading_of_the_assignment_ends(course_root, capsys):
    holder = hold_lock(course_root, ASSIGNMENT, 1.5)
    started = []
    pipeline.grade(course_root, ASSIGNMENT, ["ada"], steps=[started_at(started)], progress=False)
    released = float(holder.stdout.readline())
    assert holder.wait() == -signal.SIGKILL
    assert started and started[0] >= released
    said = capsys.readouterr().out
    assert f"Another grading of {ASSIGNMENT} is running on this course root" in said
    assert f"process {holder.pid}" in said and "waiting" in said


def test_does_a_grading_of_another_assignment_not_wait(course_root, capsys):
    holder = hold_lock(course_root, "dropout", 30)
    try:
        started = []
        pipeline.grade(course_root, ASSIGNMENT, ["ada"], steps=[started_at(started)], progress=False)
        assert started and holder.poll() is None
        assert "Another grading" not in capsys.readouterr().out
    finally:
        holder.kill()
        holder.wait()


def test_does_a_watch_pass_leave_everything_to_the_next_pass_while_a_grade_runs(course_root):
    from autograder.grading.watch import Watch

    said = []
    watch = Watch(course_root, ASSIGNMENT, exchange=course_root / "exchange", say=lambda text, **_: said.append(text))
    holder = hold_lock(course_root, ASSIGNMENT, 30)
    try:
        assert watch.one_pass() == {"graded": [], "held": [], "released": []}
        assert holder.poll() is None
    finally:
        holder.kill()
        holder.wait()
    assert said and said[-1].startswith("This pass did nothing: another grading of regularization is running")
    assert f"(process {holder.pid})" in said[-1]


def test_does_ctrl_c_stop_a_grading_that_waits_for_the_lock(course_root):
    holder = hold_lock(course_root, ASSIGNMENT, 30)
    try:
        command = [sys.executable, "-m", "autograder", "grade", ASSIGNMENT, "--root", str(course_root),
                   "--student", "ada", "--no-progress"]
        waiter = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT)
        said = waiter.stdout.readline()
        assert "This one is waiting for it to end (Ctrl-C stops)." in said
        waiter.send_signal(signal.SIGINT)
        _, errors = waiter.communicate(timeout=30)
    finally:
        holder.kill()
        holder.wait()
    assert waiter.returncode == 130
    assert errors.strip().endswith("Stopped while waiting: nothing was graded.")
