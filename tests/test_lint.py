"""Is the code ruff-clean under the project's rules ([tool.ruff] in pyproject.toml)?"""

import subprocess
import sys

from autograder.nbgrader_course import REPO_ROOT


def ruff(*arguments, cwd=REPO_ROOT):
    return subprocess.run([sys.executable, "-m", "ruff", *arguments], cwd=cwd, capture_output=True, text=True)


def test_is_the_code_ruff_clean():
    run = ruff("check", "--no-cache", "--output-format", "concise", "autograder", "course", "tests")
    assert run.returncode == 0, run.stdout + run.stderr


def test_does_the_lint_test_see_a_lint_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text((REPO_ROOT / "pyproject.toml").read_text())
    (tmp_path / "module.py").write_text("import os\n")
    run = ruff("check", "--no-cache", "module.py", cwd=tmp_path)
    assert run.returncode == 1 and "F401" in run.stdout
