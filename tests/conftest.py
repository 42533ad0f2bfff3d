"""Shared fixtures: a scratch nbgrader course root built from this repository."""

import shutil

import pytest

from autograder.nbgrader_course import REPO_ROOT


def make_course_root(directory):
    """A course root holding this repository's nbgrader_config.py and source/ (nothing graded yet)."""
    shutil.copy(REPO_ROOT / "nbgrader_config.py", directory)
    shutil.copytree(REPO_ROOT / "source", directory / "source")
    return directory


@pytest.fixture
def course_root(tmp_path):
    return make_course_root(tmp_path)
