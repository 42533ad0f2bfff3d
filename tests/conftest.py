"""Shared fixtures: a scratch nbgrader course root built from this repository, and a PostgreSQL
server for the tests that grade into a PostgreSQL gradebook (tests/postgres.py)."""

import shutil

import pytest

from autograder.nbgrader_course import REPO_ROOT
from tests import postgres


def make_course_root(directory):
    """A course root holding this repository's nbgrader_config.py and source/ (nothing graded yet)."""
    shutil.copy(REPO_ROOT / "nbgrader_config.py", directory)
    shutil.copytree(REPO_ROOT / "source", directory / "source")
    return directory


@pytest.fixture
def course_root(tmp_path):
    return make_course_root(tmp_path)


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server for the session, stopped and removed at its end. Fails in CI and
    skips elsewhere, saying how to install it, when Debian's server binaries are missing."""
    server = postgres.start_server(postgres.require_server_bindir())
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """The SQLAlchemy URL of a fresh, empty database on the session's server, dropped afterwards."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)
