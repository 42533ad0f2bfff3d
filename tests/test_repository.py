"""Do the set-up paths agree, and does the student side stay free of grader code?"""

import re
import subprocess
import sys
import tomllib
import zipfile

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from autograder.nbgrader_course import REPO_ROOT

PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
ENVIRONMENT = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())


def conda_dependencies():
    """{name: specifier} of the conda packages, and the list of pip entries."""
    conda, pip = {}, []
    for entry in ENVIRONMENT["dependencies"]:
        if isinstance(entry, dict):
            pip.extend(entry["pip"])
        else:
            name, _, spec = re.match(r"([A-Za-z0-9_.-]+)(([=<>!]=?)?.*)", entry).group(1, 2, 3)
            conda[name.lower()] = entry[len(name):]
    return conda, pip


def test_does_environment_yml_name_the_same_dependencies_as_the_pip_install():
    conda, pip = conda_dependencies()
    pip_requirements = {Requirement(r).name.lower(): str(Requirement(r).specifier)
                        for r in PYPROJECT["project"]["dependencies"]}
    assert {name: spec for name, spec in conda.items() if name not in ("python", "pip")} == pip_requirements
    # conda's python=3.11 must satisfy requires-python.
    assert SpecifierSet(PYPROJECT["project"]["requires-python"]).contains(conda["python"].lstrip("=") + ".0")
    assert pip == ["."], "environment.yml installs the course package and nothing else with pip"


def test_does_the_installable_package_leave_autograder_out():
    assert PYPROJECT["tool"]["setuptools"]["packages"] == ["course", "course.checks", "course.data"]


def test_does_ci_run_exactly_the_readme_test_command():
    ci_command = (REPO_ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
    readme = (REPO_ROOT / "README.md").read_text()
    commands = re.findall(r"```(?:bash|sh)?\n(.*?)```", readme, re.S)
    assert ci_command in [block.strip() for block in commands[:2]], \
        "the README's second command must be the one .ci/run runs"


def test_does_the_readme_start_with_exactly_two_commands_that_set_up_from_nothing():
    readme = (REPO_ROOT / "README.md").read_text()
    first_two = [block.strip() for block in re.findall(r"```(?:bash|sh)?\n(.*?)```", readme, re.S)[:2]]
    assert len(first_two) == 2
    for command in first_two:
        assert command.count("\n") == 0, "each is one command line"
        assert command.startswith("bash autograder/install_system_packages.sh && python3 -m venv .venv && "
                                  ".venv/bin/pip install")
    assert first_two[0].endswith("-m autograder demo")
    assert first_two[1].endswith("-m pytest")


@pytest.mark.slow
def test_does_the_built_wheel_hold_the_course_package_and_nothing_of_autograder(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(REPO_ROOT)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top_level == {"course"}
    assert "course/data/rings.h5" in names and "course/data/stored_values.h5" in names
    assert not any("autograder" in name or "solution" in name for name in names)


def test_can_an_instructor_run_the_source_notebooks_hidden_tests_in_the_lab_the_command_starts(tmp_path):
    """`python -m autograder lab` starts JupyterLab whose kernels import this checkout's autograder;
    a kernel started with that environment runs a source notebook's hidden-test import."""
    import subprocess
    import sys

    from autograder.__main__ import instructor_lab_command

    argv, environment = instructor_lab_command([])
    assert argv[1:] == ["lab", f"--ServerApp.root_dir={REPO_ROOT}", "source"]
    hidden_import = "from autograder.checks.regularization import grade_compute_cost_with_regularization"
    run = subprocess.run([sys.executable, "-c", hidden_import], cwd=tmp_path, env=environment, capture_output=True)
    assert run.returncode == 0, run.stderr.decode()
    without = {key: value for key, value in environment.items() if key != "PYTHONPATH"}
    assert subprocess.run([sys.executable, "-c", hidden_import], cwd=tmp_path, env=without).returncode != 0
