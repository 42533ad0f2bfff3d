"""Benchmark the assignments: each notebook as a student runs it, autograding, and the hidden tests.

    python -m autograder.benchmarks.bench_assignments [NAME ...] [--repeats N]

For each assignment (default: all), prints medians over N runs (default 5) of:
- the release notebook completed with the reference solutions, run top to bottom (kernel start
  included), as a student's "Restart Kernel and Run All Cells";
- autograding one submission with nbgrader, split into kernel start and shutdown, executing the
  cells grading runs (only those a score depends on, autograder/grading/needed_cells.py; timed in the
  student's run), and the rest (nbgrader's own work: copying, checksums, gradebook, overwriting
  locked cells; the sandbox; the hidden tests);
- each hidden test called in-process on the reference solution (what a test cell adds to grading).
"""

import argparse
import contextlib
import importlib
import io
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder.assignments import ASSIGNMENTS, by_name
from autograder.grading import pipeline
from autograder.grading.needed_cells import cells_to_run
from autograder.nbgrader_course import check, copy_course_root, grading_environment, open_course
from autograder.solutions import reference_answers
from autograder.submissions import fill_solutions, write_submission

# assignment -> the target for the notebook run, in seconds
NOTEBOOK_TARGETS = {assignment.name: assignment.notebook_seconds for assignment in ASSIGNMENTS}
AUTOGRADE_TARGET = 15


def release_path(assignment):
    return by_name(assignment).release


def completed_release(assignment):
    return fill_solutions(release_path(assignment), reference_answers(assignment))


def grading_cells(notebook):
    """Indices of the code cells autograding runs (autograder/grading/needed_cells.py), and the number of code cells."""
    def is_test(cell):
        meta = cell.metadata.get("nbgrader", {})
        return bool(meta.get("grade")) and not meta.get("solution")

    return set(cells_to_run(notebook.cells, is_test)), sum(cell.cell_type == "code" for cell in notebook.cells)


def time_notebook(assignment, folder):
    """Seconds to start a kernel and run the completed release, seconds of cell execution alone, and
    seconds of the cells that autograding runs."""
    notebook = completed_release(assignment)
    needed, _ = grading_cells(notebook)
    client = NotebookClient(notebook, timeout=120, allow_errors=True, resources={"metadata": {"path": str(folder)}})
    needed_seconds = 0.0
    start = time.perf_counter()
    with client.setup_kernel():
        started = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            before = time.perf_counter()
            client.execute_cell(cell, index)
            if index in needed:
                needed_seconds += time.perf_counter() - before
        executed = time.perf_counter()
    return time.perf_counter() - start, executed - started, needed_seconds


def time_kernel_start(folder):
    """Seconds to start a python3 kernel, wait until it answers, and shut it down."""
    client = NotebookClient(nbformat.v4.new_notebook(), resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    with client.setup_kernel():
        pass
    return time.perf_counter() - start


def time_autograde(assignment, api, student):
    start = time.perf_counter()
    check(api.autograde(assignment, student), f"autograde {student}")
    return time.perf_counter() - start


def time_hidden_tests(assignment, repeats):
    """{graded function: median seconds of its hidden test on the reference solution, in-process}."""
    checks = importlib.import_module(f"autograder.checks.{assignment}")
    solutions = importlib.import_module(f"autograder.solutions.{assignment}")
    medians = {}
    for name in reference_answers(assignment):
        times = []
        for _ in range(max(repeats, 20)):
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                getattr(checks, f"grade_{name}")(getattr(solutions, name))
            times.append(time.perf_counter() - start)
        medians[name] = statistics.median(times)
    return medians


def median_ms(values):
    return f"{1000 * statistics.median(values):8.0f} ms"


def benchmark(assignment, repeats):
    """Run and print the benchmark of one assignment."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        copy_course_root(root)
        pipeline.generate_release(root, assignment)
        name = release_path(assignment).name
        for index in range(repeats):
            write_submission(root, assignment, f"student{index}", {name: completed_release(assignment)})
        student_folder = root / "student_run"
        student_folder.mkdir()

        notebook_runs, executions, needed_executions, kernel_starts, autogrades = [], [], [], [], []
        for index in range(repeats):
            total, executed, needed = time_notebook(assignment, student_folder)
            notebook_runs.append(total)
            executions.append(executed)
            needed_executions.append(needed)
            kernel_starts.append(time_kernel_start(student_folder))
            print(f"  run {index + 1}/{repeats}: notebook {total:.2f} s", flush=True)
        with grading_environment():
            api = open_course(root)
            time_autograde(assignment, api, "student0")  # first call creates the gradebook: not counted
            for index in range(repeats):
                autogrades.append(time_autograde(assignment, api, f"student{index}"))
                print(f"  run {index + 1}/{repeats}: autograde {autogrades[-1]:.2f} s", flush=True)
    hidden = time_hidden_tests(assignment, repeats)

    # Autograding runs only the cells a score depends on (c.GraderExecute.run_only_what_grading_needs).
    own = [grade - kernel - execution for grade, kernel, execution in zip(autogrades, kernel_starts, needed_executions)]
    needed, code_cells = grading_cells(completed_release(assignment))
    print(f"\n{assignment} assignment, medians of {repeats} runs")
    print(f"  release notebook with the reference solutions, top to bottom  {median_ms(notebook_runs)}"
          f"   (target <= {NOTEBOOK_TARGETS[assignment]} s)")
    print(f"    of which cell execution                                     {median_ms(executions)}")
    print(f"  autograde one submission (nbgrader, wall)                      {median_ms(autogrades)}"
          f"   (target <= {AUTOGRADE_TARGET} s)")
    print(f"    kernel start and shutdown                                   {median_ms(kernel_starts)}")
    print(f"    {f'the {len(needed)} of {code_cells} code cells it runs (timed in the run above)':<60}"
          f"{median_ms(needed_executions)}")
    print(f"    {'nbgrader, the sandbox and the hidden tests (the rest)':<60}{median_ms(own)}")
    for function, seconds in hidden.items():
        print(f"  hidden test of {function:<46} {1000 * seconds:8.1f} ms")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("assignments", nargs="*", metavar="NAME",
                        help=f"assignments to benchmark (default: {', '.join(NOTEBOOK_TARGETS)})")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    unknown = [name for name in args.assignments if name not in NOTEBOOK_TARGETS]
    if unknown:
        parser.error(f"no assignment {unknown[0]!r} (there is: {', '.join(NOTEBOOK_TARGETS)})")
    for assignment in args.assignments or NOTEBOOK_TARGETS:
        print(f"=== {assignment} ===", flush=True)
        benchmark(assignment, args.repeats)


if __name__ == "__main__":
    main()
