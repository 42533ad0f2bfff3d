"""An instructor's course root and students' homes around an nbgrader exchange in a temporary folder,
for the benchmark and the tests of `python -m autograder watch` (bench_watch.py, tests/test_watch.py).

The instructor releases regularization to the exchange with nbgrader; a student submits and
fetches feedback with nbgrader's own commands (`nbgrader submit`, `nbgrader fetch_feedback`), from a
home of their own (their own nbgrader cache), as from a terminal or the Assignments panel.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat

from autograder.assignments import by_name
from autograder.catalogue.loader import CATALOGUE_DIR
from autograder.nbgrader_course import REPO_ROOT, copy_course_root
from autograder.submissions import code_without_docstring, fill_solutions

ASSIGNMENT = "regularization"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
COST, BACKWARD = by_name(ASSIGNMENT).graded_functions
# A right cost and a backward pass without the L2 term in dW1: the feedback names the backward test's sentence.
BUGGY_BACKWARD = {function: code_without_docstring(CATALOGUE_DIR / ASSIGNMENT / function / case) for function, case in
                  ((COST, "linalg_norm_squared.py"), (BACKWARD, "bug_no_l2_in_dW1.py"))}


def notebook(answers):
    """The release notebook with `answers` ({function: code}) in its solution cells."""
    return fill_solutions(by_name(ASSIGNMENT).release, answers)
COURSE_ID = "practical-deep-learning"
NBGRADER = str(Path(sys.executable).parent / "nbgrader")


def environment():
    return dict(os.environ, PYTHONPATH=str(REPO_ROOT))


def instructor_with_exchange(tmp_path):
    """(course root, exchange): regularization released to a fresh exchange; the course root's
    nbgrader_config.py names the exchange (c.Exchange.root), as an instructor's would."""
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    os.chmod(exchange, 0o777)
    root = tmp_path / "instructor"
    root.mkdir()
    copy_course_root(root)
    with open(root / "nbgrader_config.py", "a") as config:
        config.write(f"\nc.Exchange.root = {str(exchange)!r}\n")
    subprocess.run([sys.executable, "-m", "autograder", "release", ASSIGNMENT, "--root", str(root)],
                   env=environment(), check=True, capture_output=True)
    subprocess.run([NBGRADER, "release_assignment", ASSIGNMENT], cwd=root, env=environment(), check=True,
                   capture_output=True)
    return root, exchange


def student_home(tmp_path, student, exchange):
    home = tmp_path / "students" / student
    (home / ASSIGNMENT).mkdir(parents=True, exist_ok=True)
    (home / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.course_id = {COURSE_ID!r}\nc.Exchange.root = {str(exchange)!r}\n"
        f"c.Exchange.cache = {str(home / 'cache')!r}\nc.CourseDirectory.student_id = {student!r}\n")
    return home


def nbgrader_as_student(home, *arguments):
    student_environment = environment()
    student_environment.pop("PYTHONPATH")
    return subprocess.run([NBGRADER, *arguments], cwd=home, env=student_environment, capture_output=True, text=True,
                          check=True)


def submit(home, answers=None):
    """Write the notebook with `answers` in the student's home (None: submit what is there) and
    submit it with nbgrader."""
    if answers is not None:
        nbformat.write(notebook(answers), home / ASSIGNMENT / NOTEBOOK)
    time.sleep(0.01)   # nbgrader's timestamps tell submissions apart to the microsecond
    nbgrader_as_student(home, "submit", ASSIGNMENT)


def fetched_feedback(home):
    """{timestamp folder: page text} of the feedback nbgrader fetch_feedback brings to the student."""
    nbgrader_as_student(home, "fetch_feedback", ASSIGNMENT)
    return {path.parent.name: path.read_text() for path in (home / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html")}


def start_watch(root, log, *options):
    """`python -m autograder watch` in the background, its output in `log`."""
    return subprocess.Popen([sys.executable, "-m", "autograder", "watch", ASSIGNMENT, "--root", str(root), *options],
                            env=environment(), stdout=open(log, "w"), stderr=subprocess.STDOUT)


def wait_for(condition, timeout=240, what="the condition", log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}" + (f"; watch's output:\n{Path(log).read_text()}" if log else ""))


def stop(process, sig=signal.SIGINT, timeout=120):
    process.send_signal(sig)
    return process.wait(timeout=timeout)
