"""Benchmark what the sandbox and the grader-run test cells cost per submission, side by side.

    python -m autograder.benchmarks.bench_sandbox [NAME ...] [--repeats N]

For each assignment (default: all), autogrades the same correct submission N times (default 7) in
each of three ways, interleaved so that the machine's state is shared, and prints the medians:
- nbgrader's own Execute, hidden tests in the student's kernel (the path before the sandbox);
- GraderExecute without the sandbox (test cells in the grader, kernel started directly);
- GraderExecute in the sandbox (what `python -m autograder grade` does).
The target: the sandbox path adds at most 0.5 s to one submission's autograde.
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from autograder.benchmarks.bench_assignments import NOTEBOOK_TARGETS, completed_release, release_path
from autograder.grading import pipeline
from autograder.nbgrader_course import check, copy_course_root, grading_environment, load_course_config, open_course
from autograder.submissions import write_submission

TARGET_OVERHEAD = 0.5


def nbgrader_own_path(root):
    """An NbGraderAPI that autogrades with nbgrader's Execute: the hidden tests run in the kernel,
    which imports autograder/ through grading_environment's PYTHONPATH."""
    import logging

    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    config = load_course_config(root)
    config.Exchange.root = str(Path(root) / ".exchange")
    config.NbGraderAPI.log_level = logging.WARNING
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def benchmark(assignment, repeats):
    paths = {"nbgrader Execute, tests in the kernel": nbgrader_own_path,
             "test cells in the grader, no sandbox": lambda root: open_course(root, sandbox=False),
             "test cells in the grader, sandboxed": open_course}
    times = {label: [] for label in paths}
    with tempfile.TemporaryDirectory() as scratch, grading_environment():
        root = Path(scratch)
        copy_course_root(root)
        pipeline.generate_release(root, assignment)
        name = release_path(assignment).name
        apis = {label: make(root) for label, make in paths.items()}
        write_submission(root, assignment, "warmup", {name: completed_release(assignment)})
        for api in apis.values():   # the first autograde creates the gradebook and warms caches
            check(api.autograde(assignment, "warmup"), "autograde warmup")
        for index in range(repeats):
            for label, api in apis.items():
                student = f"s{index}_{len(times[label])}_{abs(hash(label)) % 1000}"
                write_submission(root, assignment, student, {name: completed_release(assignment)})
                start = time.perf_counter()
                check(api.autograde(assignment, student), f"autograde {student}")
                times[label].append(time.perf_counter() - start)
            print(f"  round {index + 1}/{repeats}: " + ", ".join(f"{t[-1]:.2f} s" for t in times.values()), flush=True)
    medians = {label: statistics.median(values) for label, values in times.items()}
    base = medians["nbgrader Execute, tests in the kernel"]
    print(f"\n{assignment}: autograde one correct submission, medians of {repeats} interleaved runs")
    for label, value in medians.items():
        print(f"  {label:<40} {value:6.2f} s   {value - base:+.2f} s")
    overhead = medians["test cells in the grader, sandboxed"] - base
    print(f"  sandbox path overhead {overhead:+.2f} s (target <= +{TARGET_OVERHEAD} s): "
          + ("met" if overhead <= TARGET_OVERHEAD else "NOT met"))
    return medians


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("assignments", nargs="*", metavar="NAME",
                        help=f"assignments to benchmark (default: {', '.join(NOTEBOOK_TARGETS)})")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    for assignment in args.assignments or NOTEBOOK_TARGETS:
        print(f"=== {assignment} ===", flush=True)
        benchmark(assignment, args.repeats)


if __name__ == "__main__":
    main()
