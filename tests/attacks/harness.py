"""Load the attack catalogue, grade a class of cheaters between honest classmates, and observe
everything an attack could have done (see README.md).

Attack files are only ever read as text here: importing one would run the attack.
"""

import hashlib
import html
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.catalogue.loader import CATALOGUE_DIR
from autograder.nbgrader_course import REPO_ROOT, gradebook_url
from autograder.submissions import code_without_docstring, fill_solutions, write_submission

ATTACKS_DIR = Path(__file__).resolve().parent
# In every process an attack starts (command line or /proc/<pid>/comm) and every file it creates
# outside its own folder.
MARKER = "gradeghost"
# The test's listener; attacks connect to it on 127.0.0.1.
LISTENER_PORT = 47193
# Longer than any attack's leftover process waits before it acts, or lives (the longest: 40 s of
# polling, started during the cheater's own grading).
ATTACK_DELAYS = 45
# The sentinel files the test places (course root, $HOME, /tmp): no attack may change them.
SENTINEL_NAME = "INSTRUCTOR_NOTES.txt"
# The student who hands in the release untouched: graded first, scores 0, fails the normal way.
UNTOUCHED = "r_untouched"
# What grading itself writes: kernels' caches and profile in $HOME, nbgrader's outputs, the class report and
# grading's working folder .grading/ (staged copies, executed notebooks, ledger) in the root.
EXPECTED_CHANGES = (r"^new: \$HOME/\.cache(/matplotlib(/fontlist[^/]*)?)?$", r"^new: \$HOME/\.config(/matplotlib)?$",
                    r"^new: \$HOME/\.ipython(/profile_default(/(log|pid|security|db|startup|startup/README))?)?$",
                    r"^new: \$HOME/\.local(/share(/jupyter(/runtime)?)?)?$",
                    r"^new: course root: entry (autograded|feedback|grades\.csv|gradebook\.db|\.exchange|\.grading|reports)$")

# Correct answers in other styles than the reference solutions, so that a reference line in an
# output can only come from a leak.
HONEST_CASES = {
    "initialization": {
        "initialize_parameters_zeros": "initialize_parameters_zeros/dict_comprehension.py",
        "initialize_parameters_random": "initialize_parameters_random/default_rng_unseeded.py",
        "initialize_parameters_he": "initialize_parameters_he/default_rng_reverse_order.py",
    },
    "regularization": {
        "compute_cost_with_regularization": "compute_cost_with_regularization/linalg_norm_squared.py",
        "backward_propagation_with_regularization": "backward_propagation_with_regularization/einsum_products.py",
    },
}


@dataclass(frozen=True)
class Attack:
    """One cheating attempt: the code of one solution cell, and what it is after."""
    name: str
    assignment: str
    cell: str
    target: str
    kind: str
    summary: str
    old: str
    path: Path
    # Symlinks the student hands in next to the notebook: {name: target}, from "links:" lines
    # ("links: notes.txt -> ../../../source/x.ipynb"); a submission collected from a git repository
    # or copied with rsync -a or cp -a keeps them.
    links: tuple = ()

    def code(self, port=None):
        """The cell's code; with `port`, aimed at the test's listener on that port instead of
        LISTENER_PORT (which may be taken)."""
        code = code_without_docstring(self.path)
        return code.replace(str(LISTENER_PORT), str(port)) if port else code


def _field(body, key, path):
    found = re.search(rf"^{key}:\s*(.+?)\s*$", body, re.M)
    if not found:
        raise ValueError(f"{path}: the docstring needs a line '{key}: ...'")
    return found.group(1)


def load_attacks(assignment=None):
    """Every attack of the catalogue (of one assignment if given), sorted by name."""
    attacks = []
    for path in sorted(ATTACKS_DIR.glob("*.py")):
        if path.stem in ("__init__", "harness", "prove"):
            continue
        docstring = re.match(r'\s*"""(.*?)"""', path.read_text(), re.S)
        if not docstring:
            raise ValueError(f"{path}: an attack starts with a docstring")
        body = docstring.group(1)
        links = tuple(tuple(part.strip() for part in line.split("->"))
                      for line in re.findall(r"^links:\s*(.+?)\s*$", body, re.M))
        attack = Attack(name=path.stem, assignment=_field(body, "assignment", path), cell=_field(body, "cell", path),
                        target=_field(body, "target", path), kind=_field(body, "class", path),
                        summary=body.strip().splitlines()[0], old=_field(body, "old", path), path=path, links=links)
        if assignment is None or attack.assignment == assignment:
            attacks.append(attack)
    return attacks


def honest_answers(assignment):
    return {cell: code_without_docstring(CATALOGUE_DIR / assignment / case) for cell, case in HONEST_CASES[assignment].items()}


def roster(attacks):
    """{student id: attack, or None for an honest or the untouched student}, in grading (sorted)
    order: the untouched release first (what a plain failing notebook shows: the baseline for
    leaks), then an honest student before and after every cheater."""
    students = {UNTOUCHED: None}
    for index, attack in enumerate(attacks):
        students[f"s{2 * index:03d}_honest"] = None
        students[f"s{2 * index + 1:03d}_{attack.name}"] = attack
    students[f"s{2 * len(attacks):03d}_honest"] = None
    return students


def neighbours(students, student):
    """The honest students graded right before and right after `student`."""
    order = list(students)
    index = order.index(student)
    return [order[index - 1], order[index + 1]]


def build_class(root, assignment, attacks, release=None, port=None):
    """Generate the release in `root` (unless given) and write every submission of the roster.
    Returns the roster."""
    from autograder.grading import pipeline

    release = release or pipeline.generate_release(root, assignment) / f"{assignment}.ipynb"
    students = roster(attacks)
    honest = honest_answers(assignment)
    for student, attack in students.items():
        answers = {} if student == UNTOUCHED else honest if attack is None else {attack.cell: attack.code(port)}
        folder = write_submission(root, assignment, student, {release.name: fill_solutions(release, answers)})
        for name, target in (attack.links if attack else ()):
            (folder / name).symlink_to(target)
    return students


# --- what the grading run may touch ---------------------------------------------------------------

def venv_site_packages():
    import sysconfig
    return Path(sysconfig.get_paths()["purelib"])


def place_sentinels(root, home, tmp):
    paths = [Path(root) / SENTINEL_NAME, Path(home) / SENTINEL_NAME, Path(tmp) / f"{SENTINEL_NAME}.{os.getpid()}"]
    for path in paths:
        path.write_text("only the instructor writes here\n")
    return paths


def _digest(path):
    if path.is_symlink():
        return "symlink -> " + os.readlink(path)
    if path.is_dir():
        return "folder"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        return f"unreadable: {error}"


def watched(root, home, sentinels):
    """{label: path} of everything no attack may change: whole trees (files hashed), plus the
    names of top-level entries of the course root, the checkout, the venv's site-packages."""
    root = Path(root)
    return {
        "trees": {"course root source/": root / "source", "course root release/": root / "release",
                  "course root submitted/": root / "submitted", "checkout autograder/": REPO_ROOT / "autograder",
                  "checkout course/": REPO_ROOT / "course", "$HOME": Path(home)},
        "files": {"course root nbgrader_config.py": root / "nbgrader_config.py",
                  **{f"sentinel {p}": p for p in sentinels}},
        "listings": {"course root": root, "checkout": REPO_ROOT, "venv site-packages": venv_site_packages()},
    }


def snapshot(spec):
    """{label/relative path: digest} of every watched file, and the names in watched listings."""
    state = {}
    for label, tree in spec["trees"].items():
        if not tree.exists():
            state[label] = "missing"
            continue
        for path in sorted(tree.rglob("*")):
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            state[f"{label}/{path.relative_to(tree)}"] = (f"link -> {os.readlink(path)}" if path.is_symlink()
                                                         else _digest(path))
    for label, path in spec["files"].items():
        state[label] = _digest(path) if path.exists() or path.is_symlink() else "missing"
    for label, folder in spec["listings"].items():
        for path in folder.iterdir():
            state[f"{label}: entry {path.name}"] = "present"
    return state


def changes(before, after, ignore=EXPECTED_CHANGES):
    """Sentences for every watched entry that appeared, disappeared or changed."""
    found = []
    for key in sorted(set(before) | set(after)):
        if key not in before:
            found.append(f"new: {key}")
        elif key not in after:   # (submitted/ keeps what was handed in, links included)
            found.append(f"gone: {key}")
        elif before[key] != after[key]:
            found.append(f"changed: {key}")
    return [sentence for sentence in found if not any(re.search(pattern, sentence) for pattern in ignore)]


def marked_tmp_files(tmp="/tmp"):
    return sorted(str(p) for p in Path(tmp).glob(f"{MARKER}*"))


def marked_processes(exclude=()):
    """(pid, what) of every process with MARKER in its command line or its name."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in exclude or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            comm = (entry / "comm").read_text().strip()
            state = next((line for line in (entry / "status").read_text().splitlines() if line.startswith("State:")), "")
        except OSError:
            continue
        if MARKER in cmdline or MARKER in comm:
            if "Z (zombie)" in state:
                continue
            found.append((int(entry.name), f"{comm}: {cmdline[:120]}"))
    return found


def kill_marked_processes(exclude=()):
    for pid, _ in marked_processes(exclude):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


class Listener:
    """TCP and UDP on 127.0.0.1:LISTENER_PORT, or on a free port when that one is taken (build
    the class with port=listener.port then); records what arrives."""

    def __init__(self, port=LISTENER_PORT):
        self.received = []
        for attempt in (port, 0):
            self.tcp = socket.socket()
            self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try:
                self.tcp.bind(("127.0.0.1", attempt))
                self.udp.bind(("127.0.0.1", self.tcp.getsockname()[1]))
                break
            except OSError:
                self.tcp.close()
                self.udp.close()
                if attempt == 0:
                    raise
        self.port = self.tcp.getsockname()[1]
        self.tcp.listen(16)
        self.tcp.settimeout(0.5)
        self.udp.settimeout(0.5)
        self.running = True
        self.threads = [threading.Thread(target=self._serve_tcp, daemon=True),
                        threading.Thread(target=self._serve_udp, daemon=True)]
        for thread in self.threads:
            thread.start()

    def _serve_tcp(self):
        while self.running:
            try:
                connection, address = self.tcp.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(2)
                try:
                    data = connection.recv(200)
                except OSError:
                    data = b""
            self.received.append(("tcp", address, data))

    def _serve_udp(self):
        while self.running:
            try:
                data, address = self.udp.recvfrom(2000)
            except OSError:
                continue
            self.received.append(("udp", address, data[:200]))

    def close(self):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=2)
        self.tcp.close()
        self.udp.close()


# --- the grading run -------------------------------------------------------------------------------

@dataclass
class GradingRun:
    """What a `python -m autograder grade` run did, seen from outside."""
    returncode: int
    output: str
    seconds: float
    timeline: list = field(default_factory=list)  # (time, line) of the grader's output


def grade_class(root, assignment, home, timeout=900, students=()):
    """The instructor's command on the course root (for `students` only, if given), in its own
    session (an attack that signals the grader's process group must not reach the test), with
    HOME set to `home`."""
    env = dict(os.environ, HOME=str(home), PYTHONPATH=str(REPO_ROOT), PYTHONUNBUFFERED="1")
    command = [sys.executable, "-m", "autograder", "grade", assignment, "--root", str(root)]
    for student in students:
        command += ["--student", student]
    start = time.time()
    process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True, text=True, errors="replace")
    timeline = []

    def read():
        for line in process.stdout:
            timeline.append((time.time(), line.rstrip("\n")))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        returncode = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        returncode = process.wait()
        timeline.append((time.time(), f"(killed after {timeout} s)"))
    reader.join(timeout=5)
    return GradingRun(returncode, "\n".join(line for _, line in timeline), time.time() - start, timeline)


def autograded_in(run):
    """The students whose progress line ("[i/n] student  t s") the run printed: autograded."""
    return [match.group(1) for _, line in run.timeline
            if (match := re.match(r"\s*\[\d+/\d+\]\s+(\S+)\s+[\d.]+ s$", line))]


def not_graded_in(run):
    """The students the run reported as not graded ("[i/n] student  NOT GRADED: ...")."""
    return [match.group(1) for _, line in run.timeline
            if (match := re.match(r"\s*\[\d+/\d+\]\s+(\S+)\s+NOT GRADED", line))]


def grade_in_turns(root, assignment, students, home, timeout=1800):
    """Grade `students` as an instructor would when the command stops on one submission: run it
    again for the students after that one. Returns (runs, {student: the run it stopped})."""
    runs, stopped = [], {}
    remaining = list(students)
    while remaining:
        run = grade_class(root, assignment, home, timeout, students=remaining if runs else ())
        runs.append(run)
        if run.returncode == 0:
            break
        # A student the command reported as not graded did not stop it.
        done = set(autograded_in(run)) | set(not_graded_in(run))
        culprit = next((s for s in remaining if s not in done), None)
        if culprit is None:
            break
        stopped[culprit] = run
        remaining = remaining[remaining.index(culprit) + 1:]
    return runs, stopped


def who_was_graded_at(run, moment):
    """The student whose progress line came first after `moment` (the one being graded then)."""
    for stamp, line in run.timeline:
        match = re.match(r"\s*\[\d+/\d+\]\s+(\S+)", line)
        if match and stamp >= moment:
            return match.group(1)
    return "after autograding"


@dataclass(frozen=True)
class CellScore:
    score: float
    max_score: float
    manual_score: object
    needs_manual_grade: bool


def gradebook_scores(root, assignment):
    """{student: {grade_id: CellScore}} and {student: review comments}, read from the course's
    gradebook (SQLite in the root here) without nbgrader's autograded notebooks (an attack may
    have deleted those)."""
    from nbgrader.api import Gradebook, MissingEntry

    scores, reviews = {}, {}
    # Opening a SQLite gradebook that is not there would create it: nothing was graded yet.
    if not (Path(root) / "gradebook.db").exists():
        return scores, reviews
    with Gradebook(gradebook_url(root)) as gradebook:
        for student in gradebook.students:
            try:
                submission = gradebook.find_submission(assignment, student.id)
            except MissingEntry:
                continue
            cells = scores.setdefault(student.id, {})
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    cells[grade.name] = CellScore(grade.score, grade.max_score, grade.manual_score,
                                                  bool(grade.needs_manual_grade))
                reviews[student.id] = [c.manual_comment for c in notebook.comments if c.manual_comment]
    return scores, reviews


# --- secrets ---------------------------------------------------------------------------------------

def secrets(assignment):
    """Text that must never reach a student: the hidden-test markers, the lines of the reference
    solutions, and the distinctive lines of the hidden checks (none of them in the release or in
    the course package the students have)."""
    release = nbformat.read(REPO_ROOT / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    public = "\n".join(cell.source for cell in release.cells)
    public += "".join(p.read_text() for p in (REPO_ROOT / "course").rglob("*.py"))
    public += "".join(code_without_docstring(CATALOGUE_DIR / assignment / case) for case in HONEST_CASES[assignment].values())
    found = {"BEGIN HIDDEN TESTS", "BEGIN SOLUTION"}
    for module in ("solutions", "checks"):
        for line in (REPO_ROOT / "autograder" / module / f"{assignment}.py").read_text().splitlines():
            line = line.strip()
            if len(line) >= 40 and not line.startswith(("#", '"', "-")) and line not in public:
                found.add(line)
    return sorted(found)


def output_text(notebook_path):
    """All the outputs of a notebook as text (streams, errors, plain and HTML data)."""
    try:
        notebook = nbformat.read(notebook_path, as_version=4)
    except (OSError, ValueError) as error:
        return f"(unreadable: {error})"
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts += output.get("traceback", [])
            for kind in ("text/plain", "text/html"):
                parts.append(str(output.get("data", {}).get(kind, "")))
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(parts))


def feedback_text(path):
    """The visible text of a feedback page (tags dropped, entities decoded)."""
    try:
        raw = Path(path).read_text(errors="replace")
    except OSError:
        return ""
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


def leaked(text, assignment, baseline=""):
    """The secrets in `text` that are not in `baseline` (what an honest classmate's copy shows)."""
    return [secret for secret in secrets(assignment) if secret in text and secret not in baseline]


def cleanup_outside(home):
    """Remove what an attack that got out may have left where it matters to other people."""
    for path in marked_tmp_files():
        try:
            Path(path).unlink()
        except OSError:
            pass
    for path in venv_site_packages().glob(f"{MARKER}*"):
        path.unlink()
    sitecustomize = REPO_ROOT / "sitecustomize.py"
    if sitecustomize.exists() and MARKER in sitecustomize.read_text():
        sitecustomize.unlink()
    shutil.rmtree(home, ignore_errors=True)


def restore_checkout():
    """Put the checkout's autograder/ and course/ back as git has them (an attack that got out may
    have rewritten them); returns what git had to restore."""
    status = subprocess.run(["git", "status", "--porcelain", "--", "autograder", "course"], cwd=REPO_ROOT,
                            capture_output=True, text=True).stdout
    if status.strip():
        subprocess.run(["git", "checkout", "--", "autograder", "course"], cwd=REPO_ROOT, check=False)
        subprocess.run(["git", "clean", "-fdq", "--", "autograder", "course"], cwd=REPO_ROOT, check=False)
    return status
