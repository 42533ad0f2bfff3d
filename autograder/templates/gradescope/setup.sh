#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image from autograder.zip
# (extracted to /autograder/source). It installs what grading needs:
#   bubblewrap    the sandbox every submission's kernel runs in (bwrap)
#   util-linux    prlimit and setpriv: the sandbox's resource limits and its unprivileged user
#   Python 3.11   from Ubuntu's archive, else from the deadsnakes PPA (Ubuntu 24.04 has only 3.12)
# then a virtual environment /autograder/venv with the exact versions of requirements.txt and the
# course package (pyproject.toml); the autograder package is run from /autograder/source.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SOURCE=/autograder/source
VENV=/autograder/venv

apt-get update -qq
apt-get install -y -qq --no-install-recommends bubblewrap util-linux ca-certificates
if ! apt-get install -y -qq --no-install-recommends python3.11 python3.11-venv; then
    apt-get install -y -qq --no-install-recommends software-properties-common gpg-agent
    add-apt-repository -y ppa:deadsnakes/ppa
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends python3.11 python3.11-venv
fi

python3.11 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet -r "$SOURCE/requirements.txt"
"$VENV/bin/pip" install --quiet --no-deps "$SOURCE"
# Says in the build log, before any student submits, when the sandbox cannot start in this image.
cd "$SOURCE" && "$VENV/bin/python" -c "from autograder.sandbox import check_sandbox; check_sandbox()" \
    || echo "WARNING: the grading sandbox cannot start in this image; every submission will say so." >&2
