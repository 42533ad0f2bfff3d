"""The sandbox every submission's kernel runs in: bubblewrap namespaces plus resource limits.

A sandboxed kernel sees a new root file system that holds only
- the system's /usr (read-only), the Python installation and the virtual environment (read-only),
- the `course` package the grader itself imports (read-only), so students' kernels and the
  grader's checks use the same provided code,
- a private copy of the student's submission folder (read-only, at /submission), and a writable
  working folder of its own (/home/student, a size-capped in-memory file system filled from that copy when
  the sandbox starts), so a helper module written with %%writefile, or a log file, works and goes
  with the sandbox,
- a folder for the kernel's IPC sockets and connection file, and a small private /tmp.
It does not see the course root, `source/`, the gradebook, `autograder/`, other students, the
grader's home folder or the network (a new network namespace with only loopback). It gets a new
PID namespace, so nothing it starts outlives the kernel: when bubblewrap's child ends, the kernel
kills every process left in the namespace. When the grader runs as root, each kernel runs as an
unprivileged user id of its own (no account, no group), so the process limit counts that kernel
alone and nothing outside the sandbox's /tmp and working folder is writable. The submission's copy is
read-only, and everything writable is a capped in-memory file system: a sandbox can fill neither the
disk nor, beyond its small /tmp, /dev/shm and working folder, the memory.

The kernel starts with `python -P` in its working folder: the folder is not on sys.path while Python and
ipykernel start, so no submitted file (ipykernel_launcher.py, sitecustomize.py, asyncio.py, ...)
runs in place of the kernel before its first cell.

Limits are traitlets options, set in nbgrader_config.py as `c.Sandbox.<name> = value`.
"""

import functools
import os
import random
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

from traitlets import Bool, Integer
from traitlets.config import LoggingConfigurable

# Where things appear inside the sandbox.
SUBMISSION_DIR = "/submission"
WORK_DIR = "/home/student"
COURSE_LIB_DIR = "/opt/course-lib"
MATPLOTLIB_DIR = "/tmp/matplotlib"
# When grading as root, each kernel runs as a user id drawn from this range: ids of no account, so
# the process limit of one kernel is not shared with another kernel or with a real user.
SANDBOX_UIDS = range(1_500_000_000, 1_501_000_000)

INSTALL_HINT = ("Install bubblewrap (on Debian or Ubuntu, as root: apt-get install bubblewrap, or run "
                "autograder/install_system_packages.sh), or grade elsewhere with --no-sandbox.")


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create namespaces on this machine."""


class Sandbox(LoggingConfigurable):
    """Options of the sandbox that grading kernels run in (set them as c.Sandbox.<name>)."""

    enabled = Bool(True, help=(
        "Run every submission's kernel in the sandbox. Turn off only to grade on a machine "
        "without bubblewrap (python -m autograder grade --no-sandbox): student code then runs with "
        "the grader's rights.")).tag(config=True)
    memory_mib = Integer(2048, help=(
        "Memory of the whole sandbox (a control group, where the machine allows one) and address space "
        "of each of its processes, in MiB.")).tag(config=True)
    cpu_seconds = Integer(600, help="CPU time limit of every process in the sandbox, in seconds.").tag(config=True)
    max_processes = Integer(128, help=(
        "Limit on processes and threads of one sandbox (applies when the grader runs as root: a "
        "control group and a user id of its own for each kernel).")).tag(config=True)
    max_file_mib = Integer(64, help="Largest file a sandboxed process may write, in MiB.").tag(config=True)
    tmp_mib = Integer(64, help="Size of the sandbox's private /tmp, in MiB.").tag(config=True)
    work_mib = Integer(64, help=(
        "Room in the kernel's private working folder on top of the submission's own files, in MiB "
        "(what a notebook may write next to itself: helper modules, logs, saved figures).")).tag(config=True)
    max_output_mib = Integer(16, help=(
        "Total output (text, images, errors) kept from one notebook, in MiB; the rest is dropped "
        "with a note.")).tag(config=True)
    notebook_timeout = Integer(600, help=(
        "Wall time for one notebook, in seconds, on top of the per-cell timeout "
        "(c.Execute.timeout); cells left when it runs out are not run.")).tag(config=True)

    @functools.cached_property
    def uid(self):
        """The user id this sandbox's processes run as, or None when the grader is not root (the
        kernel then keeps the grader's user, inside a user namespace)."""
        return random.choice(SANDBOX_UIDS) if os.geteuid() == 0 else None

    def kernel_command(self, kernel_argv, submission_dir, ipc_dir):
        """The command that runs `kernel_argv` (a python -P -m ipykernel_launcher ... command)
        inside the sandbox, in a private working folder filled from `submission_dir`, with
        `ipc_dir` for its sockets.

        Both folders are host paths; `ipc_dir` appears at the same path inside, so the connection
        file's socket paths work on both sides.
        """
        import course

        course_package = Path(course.__file__).resolve().parent
        read_only = [Path("/usr"), Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()]
        for directory in ("/etc/alternatives", "/etc/ssl", "/etc/fonts", "/usr/share/fonts"):
            if Path(directory).exists():
                read_only.append(Path(directory))
        mounts = [(path, str(path), "--ro-bind") for path in dict.fromkeys(read_only)]
        font_list = matplotlib_font_list()
        if font_list:
            # Matplotlib would otherwise rebuild its font list in every kernel (half a second).
            mounts.append((font_list, f"{MATPLOTLIB_DIR}/{font_list.name}", "--ro-bind"))
        mounts += [(course_package, f"{COURSE_LIB_DIR}/course", "--ro-bind"),
                   (Path(submission_dir), SUBMISSION_DIR, "--ro-bind"),
                   (Path(ipc_dir), str(ipc_dir), "--bind")]
        argv = ["bwrap", "--die-with-parent", "--new-session",
                "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
                "--hostname", "sandbox"]
        if self.uid is None:
            argv.append("--unshare-user")
        # The private /tmp first: the socket folder may live under the host's /tmp and is mounted on top.
        argv += ["--size", str(self.tmp_mib * 2 ** 20), "--perms", "1777", "--tmpfs", "/tmp"]
        # The working folder next: a host folder under the same path (a virtual environment in a home
        # folder) is then mounted on top of it rather than hidden by it.
        argv += ["--perms", "0755", "--dir", str(Path(WORK_DIR).parent),
                 "--size", str(_folder_bytes(submission_dir) + self.work_mib * 2 ** 20), "--perms", "0777",
                 "--tmpfs", WORK_DIR]
        # bubblewrap creates missing parents of a mount point with mode 0700, which nobody cannot
        # cross: create them first with 0755 (matplotlib's folder writable, as matplotlib wants it).
        parents = sorted({str(parent) for _, inside, _ in mounts for parent in Path(inside).parents
                          if str(parent) != "/"}, key=lambda p: p.count("/"))
        for parent in parents:
            argv += ["--perms", "1777" if parent == MATPLOTLIB_DIR else "0755", "--dir", parent]
        for source, inside, how in mounts:
            argv += [how, str(source), inside]
        argv += ["--symlink", "usr/lib", "/lib", "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin"]
        if Path("/usr/lib64").exists():
            argv += ["--symlink", "usr/lib64", "/lib64"]
        argv += ["--proc", "/proc", "--dev", "/dev",
                 "--size", str(self.tmp_mib * 2 ** 20), "--perms", "1777", "--tmpfs", "/dev/shm",
                 "--chdir", WORK_DIR, "--clearenv"]
        for name, value in self.environment().items():
            argv += ["--setenv", name, value]
        argv.append("--")
        if self.uid is not None:
            argv += ["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups",
                     "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
        argv += ["prlimit", f"--as={self.memory_mib * 2 ** 20}", f"--cpu={self.cpu_seconds}",
                 f"--fsize={self.max_file_mib * 2 ** 20}", "--core=0"]
        if self.uid is not None:
            argv.append(f"--nproc={self.max_processes}")
        # The working folder is filled inside the sandbox, by its own user and under its limits.
        fill = f'cp -R {SUBMISSION_DIR}/. {WORK_DIR}/ && exec "$@"'
        return argv + ["--", "/bin/sh", "-c", fill, "sandbox"] + list(kernel_argv)

    def environment(self):
        """The sandboxed kernel's whole environment: nothing of the grader's is passed on."""
        return {
            "PATH": f"{Path(sys.prefix).resolve() / 'bin'}:/usr/bin:/bin",
            "HOME": "/tmp", "USER": "student", "LOGNAME": "student",
            "PYTHONPATH": COURSE_LIB_DIR,
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "MPLCONFIGDIR": MATPLOTLIB_DIR,
            "LANG": "C.UTF-8",
            # One BLAS thread per kernel: grading runs kernels side by side.
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        }

    def control_group(self, name):
        """A ControlGroup with this sandbox's memory and process limits (inactive when not root)."""
        return ControlGroup(name, self.memory_mib * 2 ** 20, self.max_processes, create=self.uid is not None)

    def prepare(self, submission_dir, ipc_dir):
        """Make the private copy readable and the socket folder writable for the sandbox's user."""
        if self.uid is not None:
            for path in [Path(submission_dir), *Path(submission_dir).rglob("*"), Path(ipc_dir)]:
                os.chown(path, self.uid, self.uid, follow_symlinks=False)


class ControlGroup:
    """A Linux control group that holds every process of one sandbox, so that its memory and its
    number of processes are limited for the sandbox as a whole (the rlimits count one process, or
    one user, at a time). Works with cgroup v1 (memory and pids hierarchies) and with cgroup v2
    where the grader's group delegates both controllers; elsewhere `procs_files` is empty and only
    the rlimits apply.
    """

    def __init__(self, name, memory_bytes, max_processes, create=True):
        self.folders, self.procs_files = [], []
        if not create:
            return
        try:
            for controller, limits in (("memory", {"memory.limit_in_bytes": memory_bytes, "memory.max": memory_bytes}),
                                       ("pids", {"pids.max": max_processes})):
                folder = self._folder(controller) / name
                if folder not in self.folders:   # cgroup v2: one folder for both controllers
                    folder.mkdir()
                    self.folders.append(folder)
                written = [key for key, value in limits.items() if (folder / key).exists()
                           and (folder / key).write_text(str(value))]
                if not written:
                    raise OSError(f"no {controller} limit in {folder}")
                if folder / "cgroup.procs" not in self.procs_files:
                    self.procs_files.append(folder / "cgroup.procs")
        except OSError:
            self.release()
            self.folders, self.procs_files = [], []

    @staticmethod
    def _folder(controller):
        """The grader's own group in the hierarchy that has `controller` (v1), or in the unified one (v2)."""
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            if controller in controllers.split(",") and Path(f"/sys/fs/cgroup/{controller}").is_dir():
                return Path(f"/sys/fs/cgroup/{controller}") / path.lstrip("/")
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            if line.startswith("0::") and Path("/sys/fs/cgroup/cgroup.controllers").exists():
                return Path("/sys/fs/cgroup") / line[3:].lstrip("/")
        raise OSError(f"no cgroup hierarchy with {controller}")

    def wrap(self, argv):
        """`argv` run by a shell that first moves itself into the group (inherited by all it starts)."""
        if not self.procs_files:
            return argv
        files = " ".join(shlex.quote(str(path)) for path in self.procs_files)
        return ["/bin/sh", "-c", f'for f in {files}; do echo $$ > "$f" || exit 97; done; exec "$@"', "sandbox", *argv]

    def release(self):
        """Remove the group's folders (after its processes have ended; retried briefly while they end)."""
        for folder in reversed(self.folders):
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.1)


def _folder_bytes(folder):
    """Room the files of `folder` take in a tmpfs (each rounded up to whole pages), 0 if it is missing."""
    total = 0
    for directory, _, files in os.walk(folder):
        for name in files:
            path = Path(directory) / name
            if not path.is_symlink():
                total += -(-path.stat().st_size // 4096) * 4096 + 4096
        total += 4096
    return total


@functools.lru_cache(maxsize=1)
def matplotlib_font_list():
    """The grader's matplotlib font list file (built on first use), or None if there is none."""
    import matplotlib
    from matplotlib import font_manager

    path = Path(matplotlib.get_cachedir()) / f"fontlist-v{font_manager.FontManager.__version__}.json"
    return path if path.is_file() else None


def check_sandbox(sandbox=None):
    """Raise SandboxUnavailable with one sentence on what to do if kernels cannot be sandboxed here."""
    sandbox = sandbox or Sandbox()
    missing = [tool for tool in ("bwrap", "prlimit") + (("setpriv",) if sandbox.uid is not None else ())
               if shutil.which(tool) is None]
    if missing:
        raise SandboxUnavailable(f"Grading needs the sandbox, but {', '.join(missing)} is not installed. {INSTALL_HINT}")
    probe = subprocess.run(["bwrap", "--unshare-all", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
                            "--", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        raise SandboxUnavailable(f"Grading needs the sandbox, but bubblewrap cannot create namespaces here "
                                 f"({probe.stderr.strip() or probe.returncode}). {INSTALL_HINT}")
