"""Benchmark the Gradescope autograder: one upload graded by run_autograder, as Gradescope runs it.

    python -m autograder.benchmarks.bench_gradescope [NAME] [--repeats N]

Builds the zip of the assignment (default: regularization) once, lays it out like Gradescope's
/autograder in a temporary folder (setup.sh's virtual environment is this interpreter's), and runs
run_autograder N times (default 5) on the reference solutions, each in a fresh layout. Prints the
median wall time of the whole script (interpreter start to results.json) and of the execution_time
it reports. The target: at most TARGET_SECONDS on a quiet machine, a small part of Gradescope's
default 10-minute limit.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import nbformat

from autograder.benchmarks.bench_assignments import completed_release
from autograder.course_paths import CoursePaths, GradescopeContainer
from autograder.grading.gradescope_zip import build_autograder_zip
from autograder.nbgrader_course import REPO_ROOT

TARGET_SECONDS = 15


def run_once(autograder_zip, assignment, scratch):
    root = Path(scratch)
    container = GradescopeContainer(root)
    with zipfile.ZipFile(autograder_zip) as archive:
        archive.extractall(container.source)
    container.submission.mkdir()
    container.results.parent.mkdir()
    nbformat.write(completed_release(assignment), container.submission / f"{assignment}.ipynb")
    environment = {**os.environ, "AUTOGRADER_ROOT": str(root), "AUTOGRADER_PYTHON": sys.executable}
    start = time.perf_counter()
    subprocess.run(["bash", str(container.source / "run_autograder")], cwd=root, env=environment, check=True,
                   capture_output=True)
    wall = time.perf_counter() - start
    results = json.loads(container.results.read_text())
    return wall, results["execution_time"], results["score"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("assignment", nargs="?", default="regularization")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as course:
        course = Path(course)
        shutil.copy(REPO_ROOT / "nbgrader_config.py", course)
        shutil.copytree(CoursePaths(REPO_ROOT, args.assignment).source, CoursePaths(course, args.assignment).source)
        start = time.perf_counter()
        autograder_zip = build_autograder_zip(course, args.assignment)
        print(f"zip built in {time.perf_counter() - start:.1f} s ({autograder_zip.stat().st_size / 2 ** 20:.1f} MiB)")
        walls, reported = [], []
        for _ in range(args.repeats):
            with tempfile.TemporaryDirectory() as scratch:
                wall, execution_time, score = run_once(autograder_zip, args.assignment, scratch)
            walls.append(wall)
            reported.append(execution_time)
            print(f"  run_autograder {wall:5.1f} s, execution_time {execution_time} s, score {score:g}", flush=True)
    median = statistics.median(walls)
    print(f"{args.assignment}: median of {args.repeats}: run_autograder {median:.1f} s "
          f"(execution_time {statistics.median(reported):g} s); target {TARGET_SECONDS} s: "
          + ("met" if median <= TARGET_SECONDS else "MISSED"))
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
