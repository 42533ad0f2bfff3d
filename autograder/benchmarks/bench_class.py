"""Benchmark grading a whole class: parallel Dask workers against one worker, side by side.

    python -m autograder.benchmarks.bench_class [--students 32] [--repeats 3] [--large 100]

1. A class of `--students` correct regularization submissions is graded `--repeats` times with
   the default workers (a LocalCluster, one worker per core) and with --workers 1, alternating,
   each time with --force on the same course root (the gradebook already holds the assignment).
   Prints each run's wall time and the medians, and the speedup (target: at least 1.7x).
2. One submission's notebook run on a worker, with only the cells grading needs (the default) and
   with every cell (as nbgrader runs them): where the time of a submission goes.
3. A class of `--large` students graded once with the default workers (target: under 120 s),
   with the split between the workers' execution and this process's nbgrader bookkeeping.
4. A one-submission regrade: in a graded class of 8, one student hands in a changed notebook and
   `python -m autograder grade` runs as an instructor types it (a new process: imports, gradebook,
   staging, the kernel, nbgrader, the report), against plain `nbgrader autograde --student` of the
   same student in the same course root, alternating, `--repeats` times (target: at most 5 s).
Scores are checked to be identical between the ways, and full marks.
"""

import argparse
import contextlib
import io
import statistics
import tempfile
import time
from pathlib import Path

from autograder.benchmarks.bench_assignments import completed_release
from autograder.grading import pipeline
from autograder.grading.scores import read_scores
from autograder.grading.worker import execute_submission
from autograder.nbgrader_course import copy_course_root, grading_environment
from autograder.submissions import write_submission

ASSIGNMENT = "regularization"
TARGET_SPEEDUP = 1.7
TARGET_LARGE_SECONDS = 120
TARGET_REGRADE_SECONDS = 5


def class_root(directory, students):
    root = copy_course_root(Path(directory))
    notebook = completed_release(ASSIGNMENT)
    for index in range(students):
        write_submission(root, ASSIGNMENT, f"student{index:03d}", {f"{ASSIGNMENT}.ipynb": notebook})
    return root


def timed_grade(root, **options):
    """Grade the class quietly; returns (seconds, GradingRun, {student: total})."""
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        run = pipeline.grade(root, ASSIGNMENT, force=True, progress=False, **options)
    seconds = time.perf_counter() - start
    totals = {r.student: r.total for r in read_scores(root, ASSIGNMENT)}
    assert not run.not_graded and all(score == top for score, top in totals.values()), "not every score is full"
    return seconds, run, totals


def parallel_against_serial(students, repeats):
    with tempfile.TemporaryDirectory() as scratch:
        root = class_root(scratch, students)
        timed_grade(root, workers=1, students=["student000"])   # the gradebook gets the assignment
        times = {"default workers": [], "--workers 1": []}
        results = {}
        for repeat in range(repeats):
            for label, workers in (("default workers", None), ("--workers 1", 1)):
                seconds, run, totals = timed_grade(root, workers=workers)
                times[label].append(seconds)
                results[label] = totals
                print(f"  run {repeat + 1}: {label:<16} ({run.workers} worker(s)) {seconds:6.1f} s")
        assert results["default workers"] == results["--workers 1"], "parallel and serial scores differ"
    medians = {label: statistics.median(values) for label, values in times.items()}
    speedup = medians["--workers 1"] / medians["default workers"]
    print(f"{students} submissions, median of {repeats}: default workers {medians['default workers']:.1f} s, "
          f"--workers 1 {medians['--workers 1']:.1f} s: {speedup:.2f}x "
          f"({'meets' if speedup >= TARGET_SPEEDUP else 'MISSES'} the {TARGET_SPEEDUP}x target); scores identical")


def one_submission_profile(repeats):
    """Execution time of one submission on a worker, only the needed cells against every cell."""
    with tempfile.TemporaryDirectory() as scratch:
        root = class_root(scratch, 1)
        with contextlib.redirect_stdout(io.StringIO()):
            run = pipeline.grade(root, ASSIGNMENT, workers=1, progress=False, steps=pipeline.GRADING_STEPS[:3])
        task = run.tasks["student000"]
        times = {}
        for label, only_needed in (("only the cells grading needs", True), ("every cell, as nbgrader", False)):
            task.config.GraderExecute.run_only_what_grading_needs = only_needed
            with grading_environment():
                times[label] = statistics.median(execute_submission(task).seconds for _ in range(repeats))
    for label, seconds in times.items():
        print(f"  one submission on a worker, {label}: {seconds:.2f} s (median of {repeats})")


def large_class(students):
    with tempfile.TemporaryDirectory() as scratch:
        root = class_root(scratch, students)
        timed_grade(root, workers=1, students=["student000"])
        seconds, run, _ = timed_grade(root)
        worker_seconds, recording = sum(run.seconds.values()), sum(run.recording.values())
        print(f"{students} submissions with the default workers ({run.workers}): {seconds:.1f} s "
              f"({'meets' if seconds < TARGET_LARGE_SECONDS else 'MISSES'} the {TARGET_LARGE_SECONDS} s target); "
              f"per submission: {worker_seconds / students:.2f} s running on a worker, "
              f"{recording / students:.2f} s of nbgrader autograde and feedback in the grading process")


def one_submission_regrade(repeats):
    import subprocess
    import sys

    import nbformat

    with tempfile.TemporaryDirectory() as scratch:
        root = class_root(scratch, 8)
        timed_grade(root)
        notebook = completed_release(ASSIGNMENT)
        commands = {"python -m autograder grade": [sys.executable, "-m", "autograder", "grade", ASSIGNMENT,
                                                   "--root", str(root)],
                    "nbgrader autograde --student": [str(Path(sys.executable).parent / "nbgrader"), "autograde",
                                                     ASSIGNMENT, "--student", "student003", "--force"]}
        times = {label: [] for label in commands}
        for repeat in range(repeats):
            for label, command in commands.items():
                # A changed submission: one more Markdown cell, so its fingerprint is new.
                notebook.cells.append(nbformat.v4.new_markdown_cell(f"changed {label} {repeat}"))
                write_submission(root, ASSIGNMENT, "student003", {f"{ASSIGNMENT}.ipynb": notebook})
                with grading_environment():
                    start = time.perf_counter()
                    subprocess.run(command, cwd=root, check=True, capture_output=True)
                    times[label].append(time.perf_counter() - start)
        totals = {r.student: r.total for r in read_scores(root, ASSIGNMENT)}
        assert all(score == top for score, top in totals.values()), "not every score is full"
    medians = {label: statistics.median(values) for label, values in times.items()}
    ours = medians["python -m autograder grade"]
    for label, seconds in medians.items():
        print(f"  {label:<30} {seconds:5.1f} s wall (median of {repeats})")
    print(f"  regrade: {ours:.1f} s, {ours / medians['nbgrader autograde --student']:.2f}x nbgrader's "
          f"({'meets' if ours <= TARGET_REGRADE_SECONDS else 'MISSES'} the {TARGET_REGRADE_SECONDS} s target)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--large", type=int, default=100, help="size of the large class (0: skip)")
    parser.add_argument("--only-regrade", action="store_true", help="run part 4 alone")
    args = parser.parse_args(argv)
    if args.only_regrade:
        print("4. A one-submission regrade, wall time of the command:")
        return one_submission_regrade(args.repeats)
    print(f"1. {args.students} correct {ASSIGNMENT} submissions, default workers against --workers 1:")
    parallel_against_serial(args.students, args.repeats)
    print("2. Where one submission's time goes:")
    one_submission_profile(args.repeats)
    if args.large:
        print(f"3. A class of {args.large}:")
        large_class(args.large)
    print("4. A one-submission regrade, wall time of the command:")
    one_submission_regrade(args.repeats)


if __name__ == "__main__":
    main()
