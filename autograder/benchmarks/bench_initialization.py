"""Benchmark the initialization assignment: the notebook as a student runs it, and autograding.

    python -m autograder.benchmarks.bench_initialization [--repeats N]

Prints medians over N runs (default 5) of:
- the release notebook completed with the reference solutions, run top to bottom (kernel start
  included), as a student's "Restart Kernel and Run All Cells";
- autograding one submission with nbgrader, split into kernel start and shutdown, executing the
  notebook's cells, and the rest (nbgrader's own work: copying, checksums, gradebook, overwriting
  locked cells).
"""

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder import pipeline
from autograder.nbgrader_course import REPO_ROOT, check, grading_environment, open_course
from autograder.solutions import reference_answers
from autograder.submissions import fill_solutions, write_submission

ASSIGNMENT = "initialization"
RELEASE = REPO_ROOT / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"


def completed_release():
    return fill_solutions(RELEASE, reference_answers(ASSIGNMENT))


def time_notebook(folder):
    """Seconds to start a kernel and run the completed release, and seconds of cell execution alone."""
    notebook = completed_release()
    client = NotebookClient(notebook, timeout=120, allow_errors=True, resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    with client.setup_kernel():
        started = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        executed = time.perf_counter()
    return time.perf_counter() - start, executed - started


def time_kernel_start(folder):
    """Seconds to start a python3 kernel, wait until it answers, and shut it down."""
    client = NotebookClient(nbformat.v4.new_notebook(), resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    with client.setup_kernel():
        pass
    return time.perf_counter() - start


def time_autograde(root, api, student):
    start = time.perf_counter()
    check(api.autograde(ASSIGNMENT, student), f"autograde {student}")
    return time.perf_counter() - start


def median_ms(values):
    return f"{1000 * statistics.median(values):8.0f} ms"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        shutil.copy(REPO_ROOT / "nbgrader_config.py", root)
        shutil.copytree(REPO_ROOT / "source", root / "source")
        pipeline.generate_release(root, ASSIGNMENT)
        for index in range(args.repeats):
            write_submission(root, ASSIGNMENT, f"student{index}", {RELEASE.name: completed_release()})
        student_folder = root / "student_run"
        student_folder.mkdir()

        notebook_runs, executions, kernel_starts, autogrades = [], [], [], []
        for index in range(args.repeats):
            total, executed = time_notebook(student_folder)
            notebook_runs.append(total)
            executions.append(executed)
            kernel_starts.append(time_kernel_start(student_folder))
            print(f"  run {index + 1}/{args.repeats}: notebook {total:.2f} s", flush=True)
        with grading_environment():
            api = open_course(root)
            time_autograde(root, api, "student0")  # first call creates the gradebook: not counted
            for index in range(args.repeats):
                autogrades.append(time_autograde(root, api, f"student{index}"))
                print(f"  run {index + 1}/{args.repeats}: autograde {autogrades[-1]:.2f} s", flush=True)

    own = [grade - kernel - execution for grade, kernel, execution in zip(autogrades, kernel_starts, executions)]
    print(f"\nInitialization assignment, medians of {args.repeats} runs")
    print(f"  release notebook with the reference solutions, top to bottom  {median_ms(notebook_runs)}   (target <= 10 s)")
    print(f"    of which cell execution                                     {median_ms(executions)}")
    print(f"  autograde one submission (nbgrader, wall)                      {median_ms(autogrades)}   (target <= 15 s)")
    print(f"    kernel start and shutdown                                   {median_ms(kernel_starts)}")
    print(f"    cell execution                                              {median_ms(executions)}")
    print(f"    nbgrader's own work (the rest)                              {median_ms(own)}")


if __name__ == "__main__":
    main()
