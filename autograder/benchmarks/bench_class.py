"""Benchmark grading a whole class: parallel Dask workers against one worker, side by side.

    python -m autograder.benchmarks.bench_class [--students 32] [--repeats 3] [--large 100] [--simulated 1000]

1. A class of `--students` correct regularization submissions is graded `--repeats` times with
   the default workers (a LocalCluster, one worker per core plus one), with --workers 1, and with the
   default workers but nbgrader's autograde and feedback in the grading process (the way before
   recording moved to the workers), in turn, each time with --force on the same course root (the
   gradebook already holds the assignment). Prints each run's wall time and the medians, and the
   speedup (target: at least 1.8x).
2. One submission's notebook run on a worker, with only the cells grading needs (the default) and
   with every cell (as nbgrader runs them): where the time of a submission goes.
3. A class of `--large` students graded once with the default workers (target: at most 60 s), once
   with --workers 1 (target speedup: at least 1.8x) and once by plain `nbgrader autograde` in the
   same course root, with the grading process's own time per submission (target: at most 0.1 s).
5. The writer alone: `--simulated` submissions already executed and recorded by a worker (copies of
   one real recorded submission) fed to the grading process's recording step in batches, its
   sustained rate (target: at least 20 submissions per second), against nbgrader's autograde and
   feedback in the grading process (as before recording moved to the workers) on a few of them.
4. A one-submission regrade: in a graded class of 8, one student hands in a changed notebook and
   `python -m autograder grade` runs as an instructor types it (a new process: imports, gradebook,
   staging, the kernel, nbgrader, the report), against plain `nbgrader autograde --student` of the
   same student in the same course root, alternating, `--repeats` times (target: at most 5 s). The
   changed notebook keeps full marks, so the class report reuses its charts (report.py redraws a
   chart only when what it shows changed); a regrade that changes the score draws both again.
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
TARGET_SPEEDUP = 1.8
TARGET_LARGE_SECONDS = 60
TARGET_REGRADE_SECONDS = 5
TARGET_RECORDING_SECONDS = 0.1
TARGET_WRITER_RATE = 20
# The way before autograder.grading.recording: nbgrader's autograde and feedback in the grading process.
BEFORE = "default workers, nbgrader recording in this process"


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
        ways = {"default workers": {}, "--workers 1": {"workers": 1},
                BEFORE: {"record_on_workers": False}}
        times = {label: [] for label in ways}
        results = {}
        for repeat in range(repeats):
            for label, options in ways.items():
                seconds, run, totals = timed_grade(root, **options)
                times[label].append(seconds)
                results[label] = totals
                print(f"  run {repeat + 1}: {label:<52} ({run.workers} worker(s)) {seconds:6.1f} s")
        assert all(totals == results["default workers"] for totals in results.values()), "the ways' scores differ"
    medians = {label: statistics.median(values) for label, values in times.items()}
    speedup = medians["--workers 1"] / medians["default workers"]
    print(f"{students} submissions, median of {repeats}: default workers {medians['default workers']:.1f} s, "
          f"--workers 1 {medians['--workers 1']:.1f} s: {speedup:.2f}x "
          f"({'meets' if speedup >= TARGET_SPEEDUP else 'MISSES'} the {TARGET_SPEEDUP}x target); {BEFORE}: "
          f"{medians[BEFORE]:.1f} s ({medians[BEFORE] / medians['default workers']:.2f}x the time); scores identical")


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
    import subprocess
    import sys

    with tempfile.TemporaryDirectory() as scratch:
        root = class_root(scratch, students)
        timed_grade(root, workers=1, students=["student000"])
        seconds, run, totals = timed_grade(root)
        recording = sum(run.recording.values()) / students
        recording_cpu = sum(run.recording_cpu.values()) / students
        print(f"  default workers ({run.workers}): {seconds:.1f} s "
              f"({'meets' if seconds <= TARGET_LARGE_SECONDS else 'MISSES'} the {TARGET_LARGE_SECONDS} s target); "
              f"per submission: {sum(run.seconds.values()) / students:.2f} s on a worker, {recording:.3f} s in the "
              f"grading process ({'meets' if recording <= TARGET_RECORDING_SECONDS else 'MISSES'} the "
              f"{TARGET_RECORDING_SECONDS} s target), of which {recording_cpu:.3f} s of CPU")
        serial, _, serial_totals = timed_grade(root, workers=1)
        print(f"  --workers 1: {serial:.1f} s; speedup {serial / seconds:.2f}x "
              f"({'meets' if serial / seconds >= TARGET_SPEEDUP else 'MISSES'} the {TARGET_SPEEDUP}x target)")
        with grading_environment():
            start = time.perf_counter()
            subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "autograde", ASSIGNMENT, "--force"],
                           cwd=root, check=True, capture_output=True)
            plain = time.perf_counter() - start
        print(f"  plain nbgrader autograde: {plain:.1f} s; ours takes {seconds / plain:.2f}x its time")
        assert totals == serial_totals, "default and serial scores differ"


def simulated_writer(submissions, batch=50, by_nbgrader=5):
    """The grading process's recording step on `submissions` copies of one recorded submission."""
    import dataclasses

    from autograder.grading.worker import grade_submission

    with tempfile.TemporaryDirectory() as scratch:
        root = class_root(scratch, 1)
        with contextlib.redirect_stdout(io.StringIO()):
            run = pipeline.grade(root, ASSIGNMENT, workers=1, progress=False, steps=pipeline.GRADING_STEPS[:3])
        with grading_environment():
            result = grade_submission(run.tasks["student000"])
        assert result.recorded is not None, result.recording_error
        copies = [dataclasses.replace(result, student=f"simulated{index:04d}") for index in range(submissions)]
        for copy in copies:
            run.fingerprints[copy.student] = run.fingerprints["student000"]
        start = time.perf_counter()
        for first in range(0, submissions, batch):
            outcome = pipeline.record_batch(run, copies[first:first + batch])
            assert all(isinstance(notes, list) for notes in outcome.values()), outcome
        seconds = time.perf_counter() - start
        # The way before: nbgrader's autograde and feedback in this process, for the real submission.
        times = []
        with grading_environment():
            for _ in range(by_nbgrader):
                begin = time.perf_counter()
                pipeline.record_with_nbgrader(run, dataclasses.replace(result, recorded=None))
                times.append(time.perf_counter() - begin)
        totals = {r.student: r.total for r in read_scores(root, ASSIGNMENT)}
        assert len(totals) == submissions + 1 and all(score == top for score, top in totals.values())
    rate = submissions / seconds
    print(f"  {submissions} recorded submissions written in batches of {batch}: {seconds:.1f} s, {rate:.0f} per second "
          f"({'meets' if rate >= TARGET_WRITER_RATE else 'MISSES'} the {TARGET_WRITER_RATE}/s target), "
          f"{seconds / submissions * 1000:.1f} ms each")
    print(f"  nbgrader's autograde and feedback in the grading process (before): "
          f"{statistics.median(times):.2f} s per submission (median of {by_nbgrader}), "
          f"{1 / statistics.median(times):.1f} per second")


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
    parser.add_argument("--simulated", type=int, default=1000, help="size of the simulated class (0: skip)")
    parser.add_argument("--only-regrade", action="store_true", help="run part 4 alone")
    parser.add_argument("--only-writer", action="store_true", help="run part 5 alone")
    args = parser.parse_args(argv)
    if args.only_regrade:
        print("4. A one-submission regrade, wall time of the command:")
        return one_submission_regrade(args.repeats)
    if args.only_writer:
        print(f"5. The writer on a simulated class of {args.simulated}:")
        return simulated_writer(args.simulated)
    print(f"1. {args.students} correct {ASSIGNMENT} submissions, default workers against --workers 1:")
    parallel_against_serial(args.students, args.repeats)
    print("2. Where one submission's time goes:")
    one_submission_profile(args.repeats)
    if args.large:
        print(f"3. A class of {args.large}:")
        large_class(args.large)
    print("4. A one-submission regrade, wall time of the command:")
    one_submission_regrade(args.repeats)
    if args.simulated:
        print(f"5. The writer on a simulated class of {args.simulated}:")
        simulated_writer(args.simulated)


if __name__ == "__main__":
    main()
