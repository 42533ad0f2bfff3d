"""nbgrader's Execute step, rebuilt so that no verdict depends on the student's kernel.

`GraderExecute` takes the place of nbgrader's `Execute` in `Autograde.autograde_preprocessors`
(see autograder.nbgrader_course). For each notebook it
1. copies the submission folder to a private folder and starts the kernel there, inside the
   sandbox (autograder.grading.sandbox), talking to it over Unix sockets;
2. runs every cell in that kernel, except the test cells: a test cell whose code is exactly the
   instructor's (as the gradebook holds it, hidden tests included) runs here, in the grader
   process, with every name it does not define standing for the student's object of that name,
   a `KernelFunction` that calls it in the kernel with plain data both ways;
3. writes each test cell's outputs itself: what the checks printed, and their exception if one was
   raised. nbgrader scores a test cell from its outputs, so the score is the grader's verdict. A
   test cell that cannot be checked (the kernel died, time ran out) gets an error saying why.
It also caps each notebook's wall time and total output, and removes the private folder after.
"""

import builtins
import contextlib
import io
import json
import math
import os
import shutil
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade, is_solution
from traitlets import Bool, Enum

from autograder.grading.kernel_calls import KERNEL_HELPER, REPLY_EXPRESSION, KernelCallFailed, KernelFunction, StudentException
from autograder.grading.needed_cells import cells_to_run
from autograder.grading.sandbox import Sandbox
from autograder.student_text import student_text

# Largest reply of one call of a student's function (its return value, prints and warnings).
MAX_REPLY_BYTES = 16 * 2 ** 20
# Kernel messages that add to a notebook's outputs, and count against its output cap.
# Most text a test cell's output keeps (the checks' lines, and what the student's function printed).
MAX_TEST_CELL_TEXT = 64 * 2 ** 10
OUTPUT_MESSAGES = {"stream", "display_data", "update_display_data", "execute_result", "error"}
# Run in the kernel once it has started (under -P): the working folder on sys.path where IPython
# itself puts it (before site-packages, after the standard library), as `''`.
WORKING_FOLDER_ON_PATH = ("import sys as _sys; _sys.path.insert(next((i for i, p in enumerate(_sys.path) "
                          "if p.endswith(('site-packages', 'dist-packages'))), 0), ''); del _sys")


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose connection file the sandbox user can read."""

    sandbox_owner = None

    def write_connection_file(self, **kwargs):
        super().write_connection_file(**kwargs)
        if self.sandbox_owner is not None:
            os.chown(self.connection_file, self.sandbox_owner, self.sandbox_owner)


class _KernelNames(dict):
    """A test cell's namespace: names the cell does not define stand for the kernel's objects."""

    def __init__(self, make_function):
        super().__init__()
        self._make_function = make_function

    def __missing__(self, name):
        if hasattr(builtins, name) or name.startswith("__"):
            raise KeyError(name)
        self[name] = self._make_function(name)
        return self[name]


class GraderExecute(Execute):
    """Execute a submission in a sandboxed kernel and run its test cells in the grader."""

    run_only_what_grading_needs = Bool(True, help=(
        "Run only the cells a score can depend on (autograder.grading.needed_cells): the students' cells, the "
        "graded cells, and the provided cells whose names they read, up to the last graded cell. The "
        "provided training and plotting cells are then skipped and show no output in the feedback. "
        "False runs every cell, as nbgrader does.")).tag(config=True)

    shutdown_kernel = Enum(["graceful", "immediate"], default_value="immediate", help=(
        "How the kernel ends after the notebook: a sandboxed kernel has nothing to save, and a "
        "graceful shutdown costs about 0.3 s per notebook.")).tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self.sandbox = Sandbox(parent=self)
        self._instructor_tests = self._instructor_test_cells(resources)
        self._cells_to_run = (set(cells_to_run(nb.cells, self._is_instructor_test))
                              if self.run_only_what_grading_needs else None)
        self._kernel_stopped = None          # why the kernel can no longer run code, once it cannot
        self._helper_sent = False            # whether KERNEL_HELPER has run in this notebook's kernel
        self._deadline = time.monotonic() + self.sandbox.notebook_timeout
        self._output_left = self.sandbox.max_output_mib * 2 ** 20
        self._output_dropped = False
        self._run_dir = Path(tempfile.mkdtemp(prefix="grading-"))
        try:
            self._private_copy = self._run_dir / "submission"
            shutil.copytree(resources["metadata"]["path"], self._private_copy, symlinks=True)
            self._ipc_dir = self._run_dir / "kernel"
            # Only its owner may write the start-up folder, whatever the grader's umask: the sandbox's
            # user while the kernel binds its sockets, then the grader again (see below).
            self._ipc_dir.mkdir(mode=0o700)
            os.chmod(self._ipc_dir, 0o700)
            os.chmod(self._run_dir, 0o711)
            self._group = None
            if self.sandbox.enabled:
                self.sandbox.prepare(self._private_copy, self._ipc_dir)
                self._group = self.sandbox.control_group(self._run_dir.name)
            return super().preprocess(nb, resources, km)
        finally:
            if self._group is not None:
                self._group.release()
            shutil.rmtree(self._run_dir, ignore_errors=True)

    # --- the kernel ---------------------------------------------------------------------------

    def create_kernel_manager(self):
        # -P: the working folder is not on sys.path while the kernel starts, so a submitted
        # ipykernel_launcher.py (or any module the start-up imports) cannot run in its place. Once
        # the kernel has started, its first line puts the folder back where IPython puts it, so
        # the student's own helper modules import as they do in Jupyter.
        kernel_argv = [sys.executable, "-P", "-m", "ipykernel_launcher", "-f", "{connection_file}",
                       f"--IPKernelApp.exec_lines={WORKING_FOLDER_ON_PATH}"]
        if self.sandbox.enabled:
            kernel_argv = self._group.wrap(self.sandbox.kernel_command(kernel_argv, self._private_copy, self._ipc_dir))
        self.km = SandboxedKernelManager(config=self.config, transport="ipc", ip=str(self._ipc_dir / "socket"),
                                         connection_file=str(self._ipc_dir / "connection.json"))
        self.km.sandbox_owner = self.sandbox.uid if self.sandbox.enabled else None
        # Interrupts travel as messages: a signal to bubblewrap would not reach the kernel.
        self.km._kernel_spec = KernelSpec(argv=kernel_argv, display_name="Python 3 (grading sandbox)",
                                          language="python", interrupt_mode="message")
        return self.km

    async def async_start_new_kernel(self, **kwargs):
        self._kernel_log = open(self._run_dir / "kernel.log", "wb")  # noqa: SIM115 (closed when the kernel ends)
        kwargs.update(cwd=str(self._private_copy), stdout=self._kernel_log, stderr=self._kernel_log,
                      env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")} if self.sandbox.enabled
                      else self._plain_environment())
        try:
            await super().async_start_new_kernel(**kwargs)
        finally:
            self._kernel_log.close()

    # nbclient binds the synchronous name to its own coroutine: bind it to ours.
    start_new_kernel = run_sync(async_start_new_kernel)

    async def async_start_new_kernel_client(self):
        client = await super().async_start_new_kernel_client()
        if self.sandbox.enabled and self.sandbox.uid is not None:
            # The kernel has bound its sockets: take the folder back, so that the only writable
            # place left to it is its small /tmp.
            for path in (self._ipc_dir, *self._ipc_dir.iterdir()):
                if not path.is_socket():
                    os.chown(path, 0, 0, follow_symlinks=False)
        return client

    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    def _plain_environment(self):
        """Without the sandbox the kernel still gets nothing of the grader's environment (no
        PYTHONPATH to autograder/)."""
        environment = self.sandbox.environment()
        environment.update(PATH=os.environ.get("PATH", ""), HOME=str(self._private_copy),
                           MPLCONFIGDIR=str(self._run_dir / "matplotlib"))
        import course
        environment["PYTHONPATH"] = str(Path(course.__file__).resolve().parents[1])
        return environment

    _probe_timeout = None

    def _get_timeout(self, cell):
        if self._probe_timeout:
            return self._probe_timeout
        timeout = super()._get_timeout(cell)
        # Rounded up, so that a cell cut short by the notebook's deadline ends after it.
        left = max(1, math.ceil(self._deadline - time.monotonic()))
        return left if timeout is None else min(timeout, left)

    # --- cells ----------------------------------------------------------------------------------

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not cell.source.strip():
            return cell, resources
        if self._cells_to_run is not None and index not in self._cells_to_run:
            return cell, resources
        if self._kernel_stopped is None and time.monotonic() >= self._deadline:
            self._kernel_stopped = (f"the notebook ran out of its {self.sandbox.notebook_timeout} s "
                                    "before this cell")
        if self._kernel_stopped:
            cell.outputs = [_error_output("NotRun", f"This cell did not run: {self._kernel_stopped}.")]
            return cell, resources
        if self._is_instructor_test(cell):
            cell.outputs = self._run_test_cell(cell)
            return cell, resources
        try:
            super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._kernel_stopped = f"the kernel stopped while running cell {index + 1}"
            cell.outputs.append(_error_output("DeadKernelError", "The kernel stopped while running this cell "
                                              "(it crashed, was killed at a limit, or exited)."))
        except Exception as error:  # a kernel that breaks the protocol must not stop grading
            self.log.warning("cell %d: %s: %s", index + 1, type(error).__name__, error)
            self._kernel_stopped = f"the kernel stopped following the Jupyter protocol in cell {index + 1}"
            cell.outputs.append(_error_output(type(error).__name__, "The kernel stopped following the Jupyter "
                                              "protocol while running this cell; nothing after it was run."))
        else:
            if any(output.get("ename") == "CellTimeoutError" for output in cell.outputs) and not self._kernel_answers():
                self._kernel_stopped = (f"the kernel stopped answering after cell {index + 1} ran past its "
                                        "timeout")
        return cell, resources

    def _kernel_answers(self, seconds=10):
        """Whether the kernel runs a trivial request within `seconds` (after an interrupted cell)."""
        self._probe_timeout = seconds
        try:
            reply = self.wait_for_reply(self.kc.execute("pass", silent=True, store_history=False))
        except DeadKernelError:
            return False
        finally:
            self._probe_timeout = None
        return reply is not None

    def _instructor_test_cells(self, resources):
        """{grade_id: source} of the notebook's autograded test cells, as the instructor wrote them."""
        if "trusted_test_cells" in resources:   # read from the gradebook by the process that dispatched the work
            return dict(resources["trusted_test_cells"])
        info = resources.get("nbgrader")
        if not info:   # a notebook run outside autograde (tests, benchmarks): no test cell is trusted
            return {}
        return instructor_test_cells(info["db_url"], info["assignment"], info["notebook"])

    def _is_instructor_test(self, cell):
        return (is_grade(cell) and not is_solution(cell)
                and self._instructor_tests.get(cell.metadata["nbgrader"].get("grade_id")) == cell.source)

    def _run_test_cell(self, cell):
        """Run an instructor's test cell here; returns its outputs (text, then the error if any)."""
        names = _KernelNames(lambda name: KernelFunction(name, self._call_in_kernel, MAX_REPLY_BYTES))
        printed = io.StringIO()
        failure = None
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed), warnings.catch_warnings():
            # The checks' own warnings are not the student's doing: keep them out of the verdict.
            warnings.simplefilter("ignore")
            try:
                code = compile(cell.source, f"<test cell {cell.metadata['nbgrader']['grade_id']}>", "exec")
                exec(code, {"__name__": "__test_cell__", "__builtins__": builtins}, names)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as error:  # every failure becomes the cell's verdict
                failure = error
        outputs = []
        text = printed.getvalue()
        if len(text) > MAX_TEST_CELL_TEXT:
            # What the student's function printed is echoed by the checks: keep its start and end.
            text = (text[:MAX_TEST_CELL_TEXT // 2] + f"\n[... {len(text) - MAX_TEST_CELL_TEXT} characters dropped ...]\n"
                    + text[-MAX_TEST_CELL_TEXT // 2:])
        if text and self._spend_output(len(text), outputs):
            outputs.append(NotebookNode(output_type="stream", name="stdout", text=text))
        if failure is not None:
            if type(failure).__name__ != "CheckFailure":
                self.log.error("test cell %s raised:\n%s", cell.metadata["nbgrader"]["grade_id"],
                               student_text("".join(traceback.format_exception(failure))))
            # The error is what fails the cell, so it is always kept; it counts against the output
            # cap like any output, and is cut short when the cap is spent.
            error = _error_output(type(failure).__name__, student_text(str(failure), MAX_TEST_CELL_TEXT),
                                  [student_text(line, MAX_TEST_CELL_TEXT) for line in _student_frames(failure)])
            if not self._spend_output(len(json.dumps(error)), outputs):
                error = _error_output(type(failure).__name__, student_text(str(failure), 1024))
            outputs.append(error)
        return outputs

    def _call_in_kernel(self, code):
        """Run `code` in the kernel; returns the user expression REPLY_EXPRESSION it left."""
        if self._kernel_stopped:
            raise KernelCallFailed(self._kernel_stopped)
        if not self._helper_sent:
            self._helper_sent = True
            self._call_in_kernel(KERNEL_HELPER)
        message_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False,
                                     user_expressions={REPLY_EXPRESSION: REPLY_EXPRESSION}, stop_on_error=False)
        try:
            reply = self.wait_for_reply(message_id)
        except DeadKernelError:
            self._kernel_stopped = "the kernel stopped while running a function of this notebook"
            raise KernelCallFailed("the kernel stopped while running it (it crashed, was killed at a limit, "
                                   "or exited)") from None
        if reply is None:
            if not self._kernel_answers():
                self._kernel_stopped = "the kernel stopped answering after a function ran past its timeout"
            raise KernelCallFailed(f"it did not return within {self._get_timeout(None)} s")
        content = reply["content"]
        if content.get("status") != "ok":
            raise KernelCallFailed(f"the kernel could not run it ({content.get('ename', 'error')})")
        return content.get("user_expressions", {}).get(REPLY_EXPRESSION)

    # --- output ---------------------------------------------------------------------------------

    def process_message(self, msg, cell, cell_index):
        kind = msg["msg_type"]
        if kind.startswith("comm"):
            return None   # widgets play no part in grading, and their state would grow the notebook
        if kind in OUTPUT_MESSAGES and not self._spend_output(len(json.dumps(msg.get("content", {}), default=str)),
                                                              cell.outputs):
            return None
        return super().process_message(msg, cell, cell_index)

    def set_widgets_metadata(self):
        pass

    def _spend_output(self, size, outputs):
        """Count `size` bytes of output against the notebook's cap; False (with a note, once) when
        they do not fit."""
        if size <= self._output_left:
            self._output_left -= size
            return True
        self._output_left = 0
        if not self._output_dropped:
            self._output_dropped = True
            outputs.append(NotebookNode(output_type="stream", name="stdout", text=(
                f"[output dropped: this notebook printed more than {self.sandbox.max_output_mib} MiB]\n")))
        return False


def instructor_test_cells(db_url, assignment, notebook_name):
    """{grade_id: source} of a notebook's autograded test cells, as the gradebook holds them."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gradebook:
        notebook = gradebook.find_notebook(notebook_name, assignment)
        graded = {cell.name for cell in notebook.grade_cells if cell.cell_type == "code"}
        return {cell.name: cell.source for cell in notebook.source_cells if cell.name in graded}


def _error_output(name, message, traceback_lines=()):
    return NotebookNode(output_type="error", ename=name, evalue=message,
                        traceback=[*traceback_lines, f"{name}: {message}"])


def _student_frames(failure):
    """The traceback lines of the student's own code behind a failure, if a student's exception
    caused it (the grader's frames are not shown)."""
    cause = failure.__cause__
    if isinstance(cause, StudentException) and cause.kernel_traceback:
        return ["Traceback of your function (most recent call last):\n" + cause.kernel_traceback
                + f"{type(cause).__name__}: {cause}"]
    return []
