"""What a test does when something it needs is not installed or not allowed on this machine.

With CI=true it fails, because a missing install step must not pass unseen; elsewhere it skips, so
a developer without root or without the Debian packages can still run the rest. Either way the
message says what is missing and how to get it.
"""

import os

import pytest


def in_ci():
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def stop(message):
    """Fail in CI, skip elsewhere, with `message`."""
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
