"""Build a Gradescope autograder: exports/gradescope/<assignment>/autograder.zip.

Gradescope's "Autograder Specifications" (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
the zip holds `setup.sh` (run once, as root, on Gradescope's Ubuntu image) and `run_autograder` (run
for each submission, in /autograder) at its root; Gradescope extracts it to /autograder/source. Here
it also holds what grading needs, laid out as this repository is, so that autograder.nbgrader_course
finds its REPO_ROOT at /autograder/source:

- `course/` and `pyproject.toml` (the package students' kernels import, installed by setup.sh),
  `requirements.txt` (the exact versions of its dependencies this machine grades with);
- `autograder/` (hidden checks, reference solutions, sandbox, pipeline): it runs only in
  Gradescope's grading container, which students never see;
- `source/<assignment>/`, `release/<assignment>/`, `nbgrader_config.py` and `gradebook.db`, a
  course root prepared here by nbgrader generate_assignment (with the same nbgrader version as
  requirements.txt installs), so that grading an upload starts from a gradebook that knows the
  assignment;
- `gradescope.json`: the assignment and the visibility of each test cell (read by
  autograder.grading.gradescope_run).
"""

import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import nbformat

from autograder.course_paths import CoursePaths
from autograder.grading.export_gradescope import VISIBILITIES
from autograder.nbgrader_course import REPO_ROOT

TEMPLATES = Path(__file__).parent / "templates" / "gradescope"
SETTINGS_FILE = "gradescope.json"
# The files of the prepared course root at the zip's root, besides source/ and release/.
COURSE_ROOT_FILES = ("nbgrader_config.py", "gradebook.db")
# A test cell with hidden tests is shown after the due date by default: before it, a student who
# resubmits could probe the hidden checks through their one-sentence reasons.
HIDDEN_TESTS_VISIBILITY = "after_due_date"
# nbgrader's ClearHiddenTests delimiters (its defaults begin_test_delimeter and end_test_delimeter).
HIDDEN_TESTS_BEGIN, HIDDEN_TESTS_END = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
# Gradescope stops run_autograder after its own limit (10 minutes by default, up to 40): a notebook
# that hangs must end with a verdict well before, so that the student still gets results.
NOTEBOOK_SECONDS = 300
# Appended to the course's nbgrader_config.py in the zip.
GRADESCOPE_CONFIG = f"""
# --- added by python -m autograder gradescope ---
# The gradebook is the SQLite file shipped in the zip, whatever db_url the course uses.
c.CourseDirectory.db_url = "sqlite:///gradebook.db"
# A notebook's wall time ends well inside Gradescope's limit on run_autograder (10 minutes by default).
c.Sandbox.notebook_timeout = min(c.Sandbox.get("notebook_timeout", {NOTEBOOK_SECONDS}), {NOTEBOOK_SECONDS})
"""
# Nothing a grading container needs: caches, the benchmarks and the catalogue of student-style cases.
LEFT_OUT = ("__pycache__", ".ipynb_checkpoints", "benchmarks", "catalogue")


def graded_test_cells(course_root: Path, assignment: str) -> dict[str, bool]:
    """{grade_id: whether it holds hidden tests} of the graded cells of the assignment's source
    notebooks, in notebook order."""
    cells = {}
    for path in sorted(CoursePaths(course_root, assignment).source.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.metadata.get("nbgrader", {}).get("grade"):
                cells[cell.metadata["nbgrader"]["grade_id"]] = HIDDEN_TESTS_BEGIN in cell.source
    return cells


def parse_visibility(options: list[str], known: list[str]) -> dict[str, str]:
    """{grade_id: visibility} from --visibility options GRADE_ID=VISIBILITY. Raises ValueError with
    one sentence for an unknown test cell or visibility, or a malformed option."""
    chosen = {}
    for option in options or []:
        grade_id, sep, visibility = option.partition("=")
        if not sep:
            raise ValueError(f"--visibility {option!r} is not TEST_CELL=VISIBILITY.")
        if grade_id not in known:
            raise ValueError(f"--visibility names {grade_id!r}, which is not a test cell of this assignment "
                             f"(there is: {', '.join(known)}).")
        if visibility not in VISIBILITIES:
            raise ValueError(f"--visibility {option!r}: the visibility must be one of {', '.join(VISIBILITIES)}.")
        chosen[grade_id] = visibility
    return chosen


def pinned_requirements(project: str = "dl-practical-course") -> list[str]:
    """`name==version` of every installed distribution `project` needs, its dependencies' own
    (extras included) recursively, sorted: setup.sh installs exactly what grading was tested with."""
    from importlib.metadata import PackageNotFoundError, distribution

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins, pending = {}, [(project, ())]
    while pending:
        name, extras = pending.pop()
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue   # a dependency whose marker this machine does not meet is not installed
        key = canonicalize_name(dist.metadata["Name"])
        seen_extras = pins.get(key, (None, set()))[1]
        if key in pins and set(extras) <= seen_extras:
            continue
        pins[key] = (f"{dist.metadata['Name']}=={dist.version}", seen_extras | set(extras))
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or any(requirement.marker.evaluate({"extra": extra})
                                                 for extra in ("", *extras)):
                pending.append((requirement.name, tuple(requirement.extras)))
    pins.pop(canonicalize_name(project), None)
    return sorted((pin for pin, _ in pins.values()), key=lambda pin: canonicalize_name(pin.partition("==")[0]))


def prepare_course_root(course_root: Path, assignment: str, scratch: Path) -> Path:
    """A course root in `scratch` with the course's nbgrader_config.py and source/<assignment>/, whose
    release and SQLite gradebook nbgrader generate_assignment has just written; returns it."""
    from autograder.grading.pipeline import generate_release

    shutil.copy(Path(course_root) / "nbgrader_config.py", scratch)
    shutil.copytree(CoursePaths(course_root, assignment).source, CoursePaths(scratch, assignment).source)
    config = scratch / "nbgrader_config.py"
    config.write_text(config.read_text() + GRADESCOPE_CONFIG)
    (scratch / ".exchange").mkdir()   # nbgrader checks that the exchange (unused here) is writable
    generate_release(scratch, assignment)
    return scratch


def _files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(part in LEFT_OUT for part in path.relative_to(folder).parts) \
                and path.suffix != ".pyc":
            yield path


def build_autograder_zip(course_root: Path, assignment: str, visibility: dict[str, str] | None = None,
                         result_visibility: str = "visible", sandbox: bool = True) -> Path:
    """Write exports/gradescope/<assignment>/autograder.zip under the course root; returns its path.

    visibility: {grade_id: visibility} chosen by the instructor; other test cells are "visible",
    or HIDDEN_TESTS_VISIBILITY when they hold hidden tests. result_visibility: the top-level
    visibility (the whole result, total score included). sandbox=False grades without bubblewrap
    (unsafe: the student's code could then read the hidden tests in the container).
    Raises FileNotFoundError when source/<assignment>/ has no notebook.
    """
    course_root = Path(course_root).resolve()
    cells = graded_test_cells(course_root, assignment)
    if not cells:
        raise FileNotFoundError(f"no graded notebook in {course_root / 'source' / assignment}")
    settings = {"assignment": assignment,
                "visibility": {grade_id: (visibility or {}).get(grade_id, HIDDEN_TESTS_VISIBILITY if hidden else "visible")
                               for grade_id, hidden in cells.items()},
                "result_visibility": result_visibility,
                "sandbox": sandbox}
    requirements = ("# Exact versions the grader was tested with (written by python -m autograder gradescope).\n"
                    + "\n".join(pinned_requirements()) + "\n")
    destination = CoursePaths(course_root, assignment).export_folder("gradescope") / "autograder.zip"
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_suffix(".zip.partial")
    with tempfile.TemporaryDirectory(prefix="gradescope-build-") as scratch, \
            zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        prepared = prepare_course_root(course_root, assignment, Path(scratch))

        def add(name, data, executable=False):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))   # no build time in the zip
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100755 if executable else 0o100644) << 16
            archive.writestr(info, data)

        add("setup.sh", (TEMPLATES / "setup.sh").read_bytes(), executable=True)
        add("run_autograder", (TEMPLATES / "run_autograder").read_bytes(), executable=True)
        add(SETTINGS_FILE, json.dumps(settings, indent=2) + "\n")
        add("requirements.txt", requirements)
        add("pyproject.toml", (REPO_ROOT / "pyproject.toml").read_bytes())
        for name in COURSE_ROOT_FILES:
            add(name, (prepared / name).read_bytes())
        for base, folder in ((REPO_ROOT, REPO_ROOT / "course"), (REPO_ROOT, REPO_ROOT / "autograder"),
                             (prepared, CoursePaths(prepared, assignment).source),
                             (prepared, CoursePaths(prepared, assignment).release)):
            for path in _files(folder):
                add(path.relative_to(base).as_posix(), path.read_bytes())
    partial.replace(destination)
    return destination
