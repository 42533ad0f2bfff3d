"""Does the sandbox keep a submission's kernel away from everything but its own copy?

Each test runs real code in a real sandboxed kernel (bubblewrap, through GraderExecute, the step
that autograding uses) and reads what the code could see or do from the cells' outputs. With
CI=true a missing bubblewrap makes these tests fail, never skip.
"""

import contextlib
import os
import socket
import threading
import time
from pathlib import Path

import nbformat
import pytest
from traitlets.config import Config

from autograder.grading.execute import GraderExecute
from autograder.grading.sandbox import Sandbox, SandboxUnavailable, check_sandbox
from autograder.nbgrader_course import REPO_ROOT
from tests.missing import stop

pytestmark = pytest.mark.slow


def run_in_sandbox(sources, folder, **limits):
    """Run code cells in a sandboxed kernel whose submission folder is a copy of `folder`.

    Returns the cells' outputs as text, one string per cell (stdout, then the error if any).
    """
    config = Config()
    config.Execute.timeout = 30
    for name, value in limits.items():
        setattr(config.Sandbox, name, value)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    GraderExecute(config=config).preprocess(notebook, {"metadata": {"path": str(folder)}})
    texts = []
    for cell in notebook.cells:
        parts = [output.get("text", "") for output in cell.outputs if output.output_type == "stream"]
        parts += [f"{output.ename}: {output.evalue}" for output in cell.outputs if output.output_type == "error"]
        texts.append("".join(parts))
    return texts


@pytest.fixture
def submission(tmp_path):
    """A submission folder three levels below a fake course root, as nbgrader lays it out."""
    root = tmp_path / "course"
    (root / "source").mkdir(parents=True)
    (root / "source" / "secret.txt").write_text("the solutions")
    (root / "gradebook.db").write_text("every grade")
    folder = root / "autograded" / "ada" / "initialization"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("ada's own file")
    (root / "autograded" / "bob").mkdir()
    (root / "autograded" / "bob" / "work.txt").write_text("bob's work")
    return folder


def test_is_the_sandbox_available_here():
    # Every grading test below needs it; this one says what to install when it is missing.
    try:
        check_sandbox()
    except SandboxUnavailable as error:
        pytest.fail(str(error))


def test_does_the_kernel_see_its_own_copy_and_nothing_of_the_course(submission):
    root = submission.parents[2]
    (out,) = run_in_sandbox([f"""
import os
print(sorted(os.listdir('.')), open('notes.txt').read())
for path in [{str(root)!r}, {str(root / 'gradebook.db')!r}, {str(root / 'source' / 'secret.txt')!r},
             {str(root / 'autograded' / 'bob' / 'work.txt')!r}, '../../../source', {str(REPO_ROOT / 'autograder')!r},
             {str(REPO_ROOT / 'source')!r}]:
    print(path, os.path.exists(path))
print('home', sorted(os.listdir({str(Path.home())!r})) if os.path.isdir({str(Path.home())!r}) else [])
try:
    import autograder
    print('autograder importable')
except ImportError:
    print('no autograder')
"""], submission)
    assert "['notes.txt'] ada's own file" in out
    assert "no autograder" in out
    lines = out.splitlines()
    for line in lines[1:-2]:
        assert line.endswith(" False"), line
    # The grader's home folder shows at most the Python installation the kernel runs on.
    assert lines[-2] in ("home []", "home ['.pyenv']"), lines[-2]
    assert "the solutions" not in out and "every grade" not in out


def test_is_nothing_but_the_sandboxes_tmp_and_private_working_folder_writable(submission):
    root = submission.parents[2]
    (out,) = run_in_sandbox([f"""
open('notes.txt', 'a').write(' changed in the kernel')
open('new.txt', 'w').write('new')
for path in ['/submission/notes.txt', '/submission/new.txt', '/etc/passwd_copy', '/usr/evil.py',
             {str(REPO_ROOT / 'autograder' / 'evil.py')!r}, '/opt/course-lib/course/evil.py']:
    try:
        open(path, 'a').write('x')
        print('wrote', path)
    except OSError as error:
        print('refused', path, type(error).__name__)
open('/tmp/scratch.txt', 'w').write('kept inside')
print('own tmp writable')
"""], submission)
    assert "wrote" not in out and "own tmp writable" in out
    assert not (REPO_ROOT / "autograder" / "evil.py").exists()
    assert sorted(p.name for p in submission.iterdir()) == ["notes.txt"]
    assert (submission / "notes.txt").read_text() == "ada's own file"
    assert (root / "gradebook.db").read_text() == "every grade"


def test_is_shared_memory_capped_like_tmp(submission):
    (out,) = run_in_sandbox(["""
written = 0
try:
    with open('/dev/shm/fill', 'wb') as handle:
        for _ in range(256):
            handle.write(bytes(2 ** 20))
            written += 1
except OSError as error:
    print('stopped', type(error).__name__)
print('MiB', written)
"""], submission, tmp_mib=16)
    assert "stopped" in out and int(out.split("MiB ")[1]) <= 16


def test_does_the_kernel_run_without_network_and_without_the_graders_rights(submission):
    received = []
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(15)
    port = listener.getsockname()[1]

    def accept():
        with contextlib.suppress(OSError):
            received.append(listener.accept())
    thread = threading.Thread(target=accept)
    thread.start()
    (out,) = run_in_sandbox([f"""
import os, socket
for address in [('127.0.0.1', {port}), ('192.0.2.1', 80)]:
    try:
        socket.create_connection(address, timeout=3)
        print('connected', address)
    except OSError as error:
        print('no connection', address, type(error).__name__)
print('uid', os.getuid())
"""], submission)
    listener.close()
    thread.join()
    assert "connected" not in out.replace("no connection", "")
    assert received == []
    if os.geteuid() == 0:
        uid = int(out.split("uid ")[1])
        assert uid >= 1_500_000_000, "an unprivileged id of no account"


def test_is_a_memory_bomb_stopped_at_the_limit_and_the_notebook_goes_on(submission):
    out = run_in_sandbox([
        "blocks = []\nfor _ in range(64):\n    blocks.append(bytearray(2 ** 30))\nprint('allocated 64 GiB')",
        "print('still running')"], submission, memory_mib=1024)
    assert "MemoryError" in out[0] and "allocated" not in out[0]
    assert out[1] == "still running\n"


def test_does_nothing_the_submission_starts_outlive_its_grading(submission):
    marker = f"sandbox-survivor-{os.getpid()}-{time.monotonic_ns()}"
    run_in_sandbox([f"""
import subprocess
subprocess.Popen(['sh', '-c', 'exec -a {marker} sleep 300'], start_new_session=True,
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
import os
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execvp('sh', ['sh', '-c', 'exec -a {marker}-double sleep 300'])
    os._exit(0)
print('started')
"""], submission)
    time.sleep(1)
    survivors = []
    for process in Path("/proc").iterdir():
        try:
            if marker in (process / "cmdline").read_bytes().decode(errors="replace"):
                survivors.append(process.name)
        except OSError:
            continue
    assert survivors == []


def test_is_a_big_file_stopped_at_the_file_size_limit(submission):
    (out,) = run_in_sandbox(["""
try:
    with open('/tmp/big.bin', 'wb') as handle:
        for _ in range(100):
            handle.write(bytes(2 ** 20))
    print('wrote 100 MiB')
except OSError as error:
    print('stopped', type(error).__name__)
"""], submission, max_file_mib=8, tmp_mib=200)
    assert "stopped" in out and "wrote 100 MiB" not in out


def test_does_a_notebook_that_runs_past_its_time_get_its_remaining_cells_marked(submission):
    out = run_in_sandbox(["import time\ntime.sleep(8)", "print('late')"], submission, notebook_timeout=3)
    assert "late" not in out[1] and "ran out of its 3 s" in out[1]


def test_is_a_flood_of_output_cut_at_the_cap(submission):
    out = run_in_sandbox(["for _ in range(3000):\n    print('x' * 1000)"], submission, max_output_mib=1)
    assert "output dropped" in out[0] and len(out[0]) < 2 * 2 ** 20


def test_does_the_sandbox_pass_on_none_of_the_graders_environment(submission, monkeypatch):
    monkeypatch.setenv("GRADER_SECRET", "s3cret")
    (out,) = run_in_sandbox(["import os\nprint(sorted(os.environ))\nprint(os.environ.get('PYTHONPATH'))"], submission)
    assert "GRADER_SECRET" not in out and "OPENBLAS_NUM_THREADS" in out
    assert str(REPO_ROOT) not in out


def test_is_sandbox_configuration_read_from_nbgrader_config():
    from autograder.nbgrader_course import load_course_config
    config = load_course_config(REPO_ROOT)
    config.Sandbox.memory_mib = 512
    assert Sandbox(config=config).memory_mib == 512
    assert any(arg == "--as=536870912" for arg in Sandbox(config=config).kernel_command(["python"], "/x", "/y"))


def test_does_grade_stop_with_one_sentence_on_installing_bubblewrap_when_it_is_missing(tmp_path, monkeypatch, capsys):
    from autograder.__main__ import main
    from tests.conftest import make_course_root

    root = make_course_root(tmp_path)
    (root / "submitted" / "ada" / "initialization").mkdir(parents=True)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))   # no bwrap, prlimit or setpriv to be found
    assert main(["grade", "initialization", "--root", str(root)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "apt-get install bubblewrap" in error and "--no-sandbox" in error
    assert not (root / "gradebook.db").exists(), "nothing was graded"


def test_is_memory_limited_for_the_whole_sandbox_not_only_per_process(submission):
    # Eight processes of 200 MiB each stay under a per-process limit of 1.5 GiB, but not under a
    # limit of 1.5 GiB for the sandbox as a whole.
    out = run_in_sandbox(["""
import os, time
children = []
for _ in range(8):
    pid = os.fork()
    if pid == 0:
        block = bytearray(200 * 2 ** 20)
        for i in range(0, len(block), 4096):
            block[i] = 1
        time.sleep(5)
        os._exit(0)
    children.append(pid)
killed = sum(os.WIFSIGNALED(os.waitpid(pid, 0)[1]) for pid in children)
print('killed', killed)
""", "print('after')"], submission, memory_mib=1536)
    if os.geteuid() != 0:
        stop("a control group per sandbox needs a grader running as root")
    assert int(out[0].split("killed ")[1]) >= 1, out


def test_can_a_helper_module_written_with_writefile_be_imported_and_a_log_file_kept(submission):
    # Students write helper modules with %%writefile and log to a file; both need a writable
    # working folder. What they write stays in the kernel's private folder.
    root = submission.parents[2]
    out = run_in_sandbox(["%%writefile helper.py\ndef answer():\n    return 42\n",
                          "import helper\nprint('helper says', helper.answer())",
                          "import logging\nlogging.basicConfig(filename='run.log', level=logging.INFO)\n"
                          "logging.info('logged')\nprint(open('run.log').read().strip())",
                          "print(open('notes.txt').read())"], submission)
    assert "helper says 42" in out[1], out
    assert "INFO:root:logged" in out[2], out
    assert out[3] == "ada's own file\n", out
    # Nothing written there reaches the submission folder, the course root or a classmate.
    assert sorted(p.name for p in submission.iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in root.iterdir()) == ["autograded", "gradebook.db", "source"]
    assert sorted(p.name for p in (root / "autograded" / "bob").iterdir()) == ["work.txt"]


def test_is_the_working_folder_capped_in_size(submission):
    (out,) = run_in_sandbox(["""
written = 0
try:
    for index in range(64):
        with open(f'block-{index}.bin', 'wb') as handle:
            handle.write(bytes(2 ** 20))
        written += 1
except OSError as error:
    print('stopped', type(error).__name__)
print('MiB', written)
"""], submission, work_mib=8)
    # Writable, up to its cap (tmpfs rounds to pages, so the count lands at the cap or just under).
    assert "stopped" in out and 4 <= int(out.split("MiB ")[1]) <= 8, out


def test_can_a_submitted_ipykernel_launcher_not_run_before_the_kernel(submission):
    # A grader whose umask is 0 (as under some Dask workers) creates the start-up folder with mode
    # 0777: once the folder is handed back to root it must still not be writable from the kernel.
    umask = os.umask(0)
    try:
        _shadowed_launcher_run(submission)
    finally:
        os.umask(umask)


def _shadowed_launcher_run(submission):
    # With the working folder first on sys.path at start, `python -m ipykernel_launcher` would run
    # this file instead of ipykernel's, as the kernel, before any limit on cells applies; it leaves
    # a mark in the kernel's start-up folder and in the environment, then starts the real kernel.
    (submission / "ipykernel_launcher.py").write_text("""
import os, runpy, sys
os.environ['LAUNCHER_SHADOWED'] = 'yes'
connection = sys.argv[sys.argv.index('-f') + 1]
try:
    open(os.path.join(os.path.dirname(connection), 'keep'), 'wb').write(b'x')
except OSError:
    pass
sys.path[:] = [p for p in sys.path if p not in ('', os.getcwd())]
runpy.run_module('ipykernel_launcher', run_name='__main__', alter_sys=True)
""")
    (out,) = run_in_sandbox(["""
import os, sys
folder = os.path.dirname(sys.argv[sys.argv.index('-f') + 1])
print('shadowed', os.environ.get('LAUNCHER_SHADOWED'))
print('kept', os.path.exists(os.path.join(folder, 'keep')))
try:
    open(os.path.join(folder, 'later'), 'wb').write(b'x')
    print('start-up folder writable')
except OSError:
    print('start-up folder read-only')
"""], submission)
    assert "shadowed None" in out and "kept False" in out, out
    assert "start-up folder read-only" in out, out
