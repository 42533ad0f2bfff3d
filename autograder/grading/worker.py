"""Running and recording one submission: the unit of work a grading worker (a Dask worker) does.

The grading process prepares everything that needs the course root or the gradebook (staging,
nbgrader's sanitizing, the instructor's test cells, the assignment's gradebook) and sends a worker
an `ExecutionTask` that holds plain data only, so a worker needs no shared file system: it needs
the `course` and `autograder` packages and the sandbox. The worker runs the notebooks with
GraderExecute (sandboxed kernel, test cells run in the worker), then records them with nbgrader's
own autograde and feedback in a scratch course (autograder.grading.recording), where
`InsertExecutedOutputs` puts the executed outputs in place of nbgrader's Execute step. It returns
the executed notebooks and what was recorded; writing the course's gradebook stays with the one
grading process.
"""

import os
import platform
import shutil
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import is_grade, is_solution
from traitlets import Unicode
from traitlets.config import Config

from autograder.grading.recording import Recorded, RecordingContext, record_in_scratch, write_files
from autograder.student_text import one_line, writable_outputs

# A test cell that could not be run for a reason outside the student's code gets this error name.
GRADING_ERROR = "GradingError"


@dataclass
class ExecutionTask:
    """What a worker needs to run one submission.

    - student: the student id (for messages)
    - files: {path relative to the submission folder: bytes}, the staged submission with its
      notebooks already sanitized by nbgrader
    - trusted_tests: {notebook file name: {grade_id: source}}, the instructor's test cells of each
      notebook to run (the gradebook's copy, hidden tests included)
    - config: the course's traitlets Config (Sandbox, Execute and GraderExecute options)
    - notes: what staging changed, one sentence each (the student's feedback shows them)
    - findings: {notebook file name: [what the screen found]}, for the instructor's review
    - recording: what the worker needs to record the submission; None: the grading process records it
    """
    student: str
    files: dict[str, bytes]
    trusted_tests: dict[str, dict[str, str]]
    config: Config
    notes: list[str] = field(default_factory=list)
    findings: dict[str, list[str]] = field(default_factory=dict)
    recording: RecordingContext | None = None


@dataclass
class ExecutionResult:
    """- executed: {notebook file name: executed notebook as nbformat JSON text}
    - error: why the notebooks could not be run at all, or None
    - seconds: wall time on the worker; worker: which machine ran it
    - recorded: the submission recorded by the worker, or None (then recording_error says why,
      unless the task asked for no recording)"""
    student: str
    executed: dict[str, str]
    seconds: float
    worker: str
    error: str | None = None
    recorded: Recorded | None = None
    recording_error: str | None = None


def execute_submission(task: ExecutionTask) -> ExecutionResult:
    """Run every notebook of `task` (an ExecutionTask); returns an ExecutionResult, never raises."""
    from autograder.grading.execute import GraderExecute

    start = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="submission-"))
    executed, error = {}, None
    try:
        write_files(folder, task.files)
        for name, trusted in task.trusted_tests.items():
            notebook = nbformat.reads(task.files[name].decode(), as_version=4)
            resources = {"metadata": {"path": str(folder)}, "trusted_test_cells": trusted}
            os.environ["NBGRADER_EXECUTION"] = "autograde"
            notebook, _ = GraderExecute(config=task.config).preprocess(notebook, resources)
            executed[name] = nbformat.writes(writable_outputs(notebook))
    except Exception as failure:  # the grading process turns this into a verdict
        error = f"{type(failure).__name__}: {failure}".splitlines()[0]
        traceback.print_exc()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return ExecutionResult(task.student, executed, time.perf_counter() - start, platform.node(), error)


def grade_submission(task: ExecutionTask) -> ExecutionResult:
    """Run the notebooks of `task`, then record them if the task says how; never raises. A failed
    recording leaves it to the grading process (recording_error says why)."""
    result = execute_submission(task)
    if task.recording is not None:
        try:
            notebooks, notes = notebooks_to_record(task, result)
            result.recorded = record_in_scratch(task.recording, task.student, task.files, task.config, notebooks,
                                                task.notes + notes, task.findings)
        except Exception as failure:  # the grading process records it itself
            result.recording_error = f"{type(failure).__name__}: {failure}".splitlines()[0]
            traceback.print_exc()
    return result


def notebooks_to_record(task: ExecutionTask, result: ExecutionResult) -> tuple[dict[str, NotebookNode], list[str]]:
    """{notebook file name: the notebook to record} and a sentence for each notebook that could not be
    run: that one is recorded as its sanitized self with every test cell failing (unrunnable_notebook)."""
    notebooks, notes = {}, []
    for name in task.trusted_tests:
        if result.error or name not in result.executed:
            error = one_line(result.error or "it returned no result", 300)
            notes.append(f"The grader could not run {name} ({error}); every test scores 0 until an "
                         "instructor looks at it.")
            sanitized = nbformat.reads(task.files[name].decode(), as_version=4)
            notebooks[name] = unrunnable_notebook(sanitized, f"the grader could not run this notebook: {error}")
        else:
            notebooks[name] = nbformat.reads(result.executed[name], as_version=4)
    return notebooks, notes


def unrunnable_notebook(sanitized: dict, why: str) -> NotebookNode:
    """`sanitized` with every graded test cell failing with `why`: the notebook recorded when a
    submission could not be run for a reason outside the student's code (scores 0, says why)."""
    notebook = nbformat.from_dict(sanitized)
    for cell in notebook.cells:
        if cell.cell_type == "code" and is_grade(cell) and not is_solution(cell):
            cell.outputs = [NotebookNode(output_type="error", ename=GRADING_ERROR, evalue=why,
                                         traceback=[f"{GRADING_ERROR}: {why}"])]
    return notebook


class InsertExecutedOutputs(NbGraderPreprocessor):
    """nbgrader's Execute step for outputs computed elsewhere: copy each cell's outputs from the
    executed notebook in `executed_folder`/<student>/<notebook>.ipynb. The cells must be those of
    the notebook being autograded (same order and sources), which nbgrader's deterministic
    sanitizing guarantees; anything else is an error, never a silent mismatch."""

    executed_folder = Unicode(help="Folder of the executed notebooks, one subfolder per student.").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        path = Path(self.executed_folder) / info["student"] / f"{info['notebook']}.ipynb"
        executed = nbformat.read(path, as_version=4)
        if [c.source for c in executed.cells] != [c.source for c in nb.cells]:
            raise RuntimeError(f"{path} does not hold the cells of the notebook being autograded")
        for cell, done in zip(nb.cells, executed.cells):
            if cell.cell_type == "code":
                cell.outputs = done.outputs
                cell.execution_count = done.execution_count
        return nb, resources
