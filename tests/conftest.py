"""Shared fixtures: a scratch nbgrader course root built from this repository, and a PostgreSQL
server for the tests that grade into a PostgreSQL gradebook (tests/postgres.py)."""

import pytest

from autograder.nbgrader_course import copy_course_root
from tests import postgres

make_course_root = copy_course_root


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
