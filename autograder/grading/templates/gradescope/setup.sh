#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image from autograder.zip
# (extracted to /autograder/source). It installs what grading needs:
#   bubblewrap    the sandbox every submission's kernel runs in (bwrap), at least 0.7.0, whose --size
#                 caps the sandbox's in-memory folders: Ubuntu 24.04's, or on Ubuntu 22.04 (0.6.1)
#                 bubblewrap 0.8.0 built from its release
#   util-linux    prlimit and setpriv: the sandbox's resource limits and its unprivileged user
#   Python 3.11   from Ubuntu's archive, else from the deadsnakes PPA (Ubuntu 24.04 has only 3.12)
# then a virtual environment /autograder/venv with the exact versions of requirements.txt and the
# course package (pyproject.toml); the autograder package is run from /autograder/source.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SOURCE=/autograder/source
VENV=/autograder/venv

BWRAP_NEEDED=0.7.0
BWRAP_BUILT=0.8.0

# version_at_least NEEDED VERSION: whether VERSION >= NEEDED (dotted numbers).
version_at_least() {
    [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$1" ]
}

bwrap_is_recent() {
    command -v bwrap >/dev/null && version_at_least "$BWRAP_NEEDED" "$(bwrap --version | awk '{print $2}')"
}

apt-get update -qq
apt-get install -y -qq --no-install-recommends bubblewrap util-linux ca-certificates
if ! bwrap_is_recent; then
    apt-get install -y -qq --no-install-recommends build-essential meson ninja-build pkg-config libcap-dev curl xz-utils
    build=$(mktemp -d)
    curl -fsSL "https://github.com/containers/bubblewrap/releases/download/v$BWRAP_BUILT/bubblewrap-$BWRAP_BUILT.tar.xz" \
        | tar -xJ -C "$build"
    (cd "$build/bubblewrap-$BWRAP_BUILT" && meson setup _build --prefix=/usr/local && meson compile -C _build \
        && meson install -C _build)
    hash -r
    bwrap_is_recent || { echo "error: bubblewrap $BWRAP_NEEDED or later could not be installed." >&2; exit 1; }
fi
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
# An image whose sandbox cannot start would fail every submission: fail its build instead, saying why
# (Docker's default seccomp profile, for one, refuses the namespaces bubblewrap needs).
cd "$SOURCE"
if "$VENV/bin/python" -c "import json, sys; sys.exit(0 if json.load(open('gradescope.json'))['sandbox'] else 1)"; then
    "$VENV/bin/python" -c "from autograder.grading.sandbox import check_sandbox; check_sandbox()" || {
        echo "error: the grading sandbox cannot start in this image (see above). Build the zip with" \
             "--no-sandbox to grade without it, knowing that students' code could then read the hidden tests." >&2
        exit 1
    }
fi
