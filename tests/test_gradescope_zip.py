"""Does the Gradescope autograder zip grade like Gradescope would run it, and write what its
specification asks for? (The zip is built by the real command; run_autograder runs in a folder laid
out like Gradescope's container, on real kernels in the real sandbox; setup.sh is only checked.)"""

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from autograder.__main__ import main
from autograder.assignments import by_name
from autograder.catalogue.loader import CATALOGUE_DIR
from autograder.grading.gradescope_run import WITHHELD, failure_json, hidden_test_lines, results_json
from autograder.grading.gradescope_zip import TEMPLATES, parse_visibility, pinned_requirements
from autograder.grading.scores import REVIEW_PREFIX, StudentScores
from autograder.nbgrader_course import REPO_ROOT, read_config_file
from autograder.submissions import code_without_docstring, fill_solutions

ASSIGNMENT = "regularization"
COST, BACKWARD = "test_compute_cost_with_regularization", "test_backward_propagation_with_regularization"
VISIBILITIES = {"visible", "after_due_date", "after_published", "hidden"}
# Gradescope's Autograder Specifications, "Output format": every key results.json may hold.
TOP_LEVEL_KEYS = {"score", "execution_time", "output", "output_format", "test_output_format", "test_name_format",
                  "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"}
TEST_KEYS = {"score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags",
             "visibility", "extra_data"}


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_against_the_specification(results):
    """Assert that `results` is a results.json Gradescope accepts, field by field."""
    assert set(results) <= TOP_LEVEL_KEYS, set(results) - TOP_LEVEL_KEYS
    assert is_number(results["score"])
    assert isinstance(results["execution_time"], int) and results["execution_time"] >= 0
    assert isinstance(results["output"], str)
    assert results["visibility"] in VISIBILITIES and results["stdout_visibility"] in VISIBILITIES
    assert isinstance(results["tests"], list)
    for test in results["tests"]:
        assert set(test) <= TEST_KEYS, set(test) - TEST_KEYS
        assert is_number(test["score"]) and is_number(test["max_score"]) and 0 <= test["score"] <= test["max_score"]
        assert isinstance(test["name"], str) and isinstance(test["output"], str)
        assert test["visibility"] in VISIBILITIES
    if results["tests"]:
        assert sum(test["score"] for test in results["tests"]) == results["score"]


def submission(student):
    """The release notebook completed with the demo's answers of `student` (autograder/assignments.py)."""
    answers = by_name(ASSIGNMENT).demo[student]
    cells = {function: code_without_docstring(CATALOGUE_DIR / ASSIGNMENT / function / case)
             for function, case in answers.items()}
    return nbformat.writes(fill_solutions(REPO_ROOT / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", cells))


# --- quick: the pieces -----------------------------------------------------------------------------

def test_is_a_visibility_option_checked_against_the_test_cells_and_gradescopes_values():
    known = [COST, BACKWARD]
    assert parse_visibility([f"{COST}=visible", f"{BACKWARD}=hidden"], known) == {COST: "visible", BACKWARD: "hidden"}
    for option, message in ((f"{COST}", "TEST_CELL=VISIBILITY"), ("test_nothing=visible", "not a test cell"),
                            (f"{COST}=later", "must be one of")):
        with pytest.raises(ValueError, match=message):
            parse_visibility([option], known)


def test_does_a_reason_that_quotes_hidden_test_code_get_withheld():
    lines = hidden_test_lines(REPO_ROOT / "source" / ASSIGNMENT)
    quoted = next(line for line in lines if "grade_compute_cost" in line)
    result = StudentScores("student", {COST: (0.0, 1.0), BACKWARD: (0.0, 2.0)},
                           {COST: f"NameError: {quoted}", BACKWARD: "AssertionError: dW1 lacks the L2 term."},
                           review=REVIEW_PREFIX + "cell 3: patches builtins.", notes=["A note."])
    settings = {"visibility": {COST: "after_due_date", BACKWARD: "visible"}}
    results = results_json(result, settings, 4.4, lines)
    check_against_the_specification(results)
    assert [(t["output"], t["visibility"]) for t in results["tests"]] == [
        (WITHHELD, "after_due_date"), ("AssertionError: dW1 lacks the L2 term.", "visible")]
    # No review will come on Gradescope: the student is not told of one, nor of what the screen found.
    assert results["output"] == "A note." and results["execution_time"] == 4


def test_is_a_grader_failure_a_valid_result_that_says_nothing_was_graded():
    results = failure_json({"visibility": {}}, "the grader failed (KeyError).", 2.0)
    check_against_the_specification(results)
    assert results["score"] == 0 and "not graded: the grader failed (KeyError)." in results["output"]


def test_are_the_requirements_pinned_and_do_they_cover_the_course_dependencies():
    pins = dict(line.split("==") for line in pinned_requirements())
    for name in ("numpy", "nbgrader", "matplotlib", "h5py", "distributed", "psycopg", "psycopg-binary", "traitlets"):
        assert name in {key.lower().replace("_", "-") for key in pins}, name
    assert not any(name.lower() in ("pytest", "playwright", "dl-practical-course") for name in pins)


@pytest.mark.parametrize("version, recent", [("0.6.1", False), ("0.6.10", False), ("0.7.0", True), ("0.8.0", True),
                                             ("0.10.0", True), ("1.0", True)])
def test_does_setup_sh_build_bubblewrap_only_when_ubuntus_lacks_size_limits(version, recent):
    setup = (TEMPLATES / "setup.sh").read_text()
    function = setup[setup.index("version_at_least() {"):]
    function = function[:function.index("\n}\n") + 3]
    check = subprocess.run(["bash", "-c", function + f'version_at_least 0.7.0 "{version}"'])
    assert (check.returncode == 0) == recent


def test_does_the_command_refuse_an_unknown_test_cell(capsys):
    with pytest.raises(SystemExit):
        main(["gradescope", ASSIGNMENT, "--visibility", "test_nothing=hidden"])
    assert "not a test cell" in capsys.readouterr().err


# --- slow: the zip, run as Gradescope runs it --------------------------------------------------------

@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory):
    """The zip the command builds for a course root holding this repository's regularization, with
    one test cell's visibility chosen and the other left at its default."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(REPO_ROOT / "nbgrader_config.py", root)
    shutil.copytree(REPO_ROOT / "source" / ASSIGNMENT, root / "source" / ASSIGNMENT)
    assert main(["gradescope", ASSIGNMENT, "--root", str(root), "--visibility", f"{COST}=visible"]) == 0
    return root / "exports" / "gradescope" / ASSIGNMENT / "autograder.zip"


def container(folder, autograder_zip):
    """A folder laid out like Gradescope's /autograder once setup.sh has run."""
    with zipfile.ZipFile(autograder_zip) as archive:
        archive.extractall(folder / "source")
    for name in ("setup.sh", "run_autograder"):   # extractall drops the modes
        (folder / "source" / name).chmod(0o755)
    (folder / "submission").mkdir()
    (folder / "results").mkdir()
    return folder


def run_autograder(folder, path=None):
    """Run the script as Gradescope does (executable, in /autograder), with `path` as PATH if given."""
    environment = {**os.environ, "AUTOGRADER_ROOT": str(folder), "AUTOGRADER_PYTHON": sys.executable}
    command = [str(folder / "source" / "run_autograder")]
    if path is not None:
        environment["PATH"] = path
        command.insert(0, shutil.which("bash"))   # its #! line looks bash up on PATH
    process = subprocess.run(command, cwd=folder, env=environment, capture_output=True, text=True, timeout=300)
    results = folder / "results" / "results.json"
    assert results.is_file(), process.stdout + process.stderr
    return process, json.loads(results.read_text())


@pytest.mark.slow
def test_does_the_zip_hold_gradescopes_two_scripts_at_its_root_and_what_grading_needs(autograder_zip, tmp_path):
    with zipfile.ZipFile(autograder_zip) as archive:
        names = set(archive.namelist())
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
        settings = json.loads(archive.read("gradescope.json"))
        setup = archive.read("setup.sh").decode()
    for name in ("setup.sh", "run_autograder"):
        assert name in names and modes[name] & stat.S_IXUSR, name
    for name in ("requirements.txt", "pyproject.toml", "nbgrader_config.py", "gradebook.db", "course/__init__.py",
                 "autograder/grading/gradescope_run.py", f"autograder/checks/{ASSIGNMENT}.py",
                 f"source/{ASSIGNMENT}/{ASSIGNMENT}.ipynb", f"release/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"):
        assert name in names, name
    assert not any(name.startswith(("tests/", "autograder/benchmarks/")) or "__pycache__" in name for name in names)
    assert settings == {"assignment": ASSIGNMENT, "visibility": {COST: "visible", BACKWARD: "after_due_date"},
                        "result_visibility": "visible", "sandbox": True}
    # A hanging notebook ends with a verdict before Gradescope's default 10 minutes end run_autograder.
    with zipfile.ZipFile(autograder_zip) as archive:
        archive.extract("nbgrader_config.py", tmp_path)
    config = read_config_file(tmp_path)
    assert config.Sandbox.notebook_timeout + config.Execute.timeout < 8 * 60
    assert config.CourseDirectory.db_url == "sqlite:///gradebook.db"
    (tmp_path / "setup.sh").write_text(setup)
    assert subprocess.run(["bash", "-n", str(tmp_path / "setup.sh")]).returncode == 0
    assert setup.startswith("#!/usr/bin/env bash\n")
    for needed in ("apt-get install", "bubblewrap", "python3.11"):
        assert needed in setup, needed
    assert re.search(r'pip"? install .*-r "?\S*requirements\.txt', setup)


KINDS = {
    # kind: (files handed in, scores per test cell, a sentence the top-level output holds)
    "correct": (lambda: {f"{ASSIGNMENT}.ipynb": submission("ada_correct")}, [1.0, 2.0], None),
    "buggy": (lambda: {f"{ASSIGNMENT}.ipynb": submission("bob_buggy")}, [0.0, 0.0], None),
    "empty": (lambda: {}, [0.0, 0.0], f"No {ASSIGNMENT}.ipynb was handed in"),
    "malformed": (lambda: {f"{ASSIGNMENT}.ipynb": '{"cells": [ not json'}, [0.0, 0.0], "blank release notebook"),
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(KINDS))
def test_does_run_autograder_write_spec_valid_results_with_the_expected_scores(autograder_zip, tmp_path, kind):
    files, scores, note = KINDS[kind]
    folder = container(tmp_path, autograder_zip)
    for name, text in files().items():
        (folder / "submission" / name).write_text(text)
    process, results = run_autograder(folder)
    assert process.returncode == 0, process.stdout + process.stderr
    check_against_the_specification(results)
    assert [(t["name"], t["score"], t["max_score"], t["visibility"]) for t in results["tests"]] == [
        (COST, scores[0], 1.0, "visible"), (BACKWARD, scores[1], 2.0, "after_due_date")]
    assert results["visibility"] == "visible" and results["stdout_visibility"] == "hidden"
    for test in results["tests"]:
        # One sentence for each lost point, none for a passed test.
        assert (test["output"] == "") == (test["score"] == test["max_score"]), test
        assert "\n" not in test["output"]
    if note:
        assert note in results["output"]
    else:
        assert results["output"] == ""
    hidden = hidden_test_lines(folder / "source" / "source" / ASSIGNMENT)
    assert hidden, "the source notebook has hidden tests to look for"
    texts = [results["output"]] + [t["output"] for t in results["tests"]]
    assert not [line for line in hidden for text in texts if line in text]


@pytest.mark.slow
def test_does_a_container_without_bubblewrap_say_that_nothing_was_graded(autograder_zip, tmp_path):
    folder = container(tmp_path, autograder_zip)
    (folder / "submission" / f"{ASSIGNMENT}.ipynb").write_text(submission("ada_correct"))
    process, results = run_autograder(folder, path=str(Path(sys.executable).parent))
    assert process.returncode == 1
    check_against_the_specification(results)
    assert results["score"] == 0 and results["tests"] == []
    assert results["output"].startswith("This submission was not graded: the grading sandbox (bubblewrap)")
    assert "bwrap" in process.stdout   # the instructor's log says what is missing


READS_THE_CONTAINER = '''
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    import glob
    texts = [open(path).read() for pattern in ("{root}/source/**/*.ipynb", "{root}/source/autograder/**/*.py",
                                               "/autograder/source/**/*.ipynb")
             for path in glob.glob(pattern, recursive=True)]
    raise RuntimeError(" ".join(texts) or "nothing to read")
'''


@pytest.mark.slow
def test_does_a_submission_that_reads_the_container_find_neither_the_hidden_tests_nor_the_checks(autograder_zip,
                                                                                               tmp_path):
    folder = container(tmp_path, autograder_zip)
    notebook = fill_solutions(REPO_ROOT / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
                              {"compute_cost_with_regularization": READS_THE_CONTAINER.format(root=folder)})
    nbformat.write(notebook, folder / "submission" / f"{ASSIGNMENT}.ipynb")
    process, results = run_autograder(folder)
    assert process.returncode == 0, process.stdout + process.stderr
    check_against_the_specification(results)
    assert results["score"] == 0
    # The sandbox showed the kernel none of the container's files (without it, the reason would quote
    # them, or be withheld by the second guard).
    assert "nothing to read" in results["tests"][0]["output"], results["tests"][0]["output"]
