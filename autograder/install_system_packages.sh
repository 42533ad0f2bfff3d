#!/usr/bin/env bash
# Install the Debian packages the course needs on the grading machine, or say which are missing.
#
#   bubblewrap   the sandbox that every submission's kernel runs in (bwrap)
#   util-linux   prlimit and setpriv: the sandbox's resource limits and unprivileged user;
#                the tests run their PostgreSQL server as the user postgres with setpriv when root
#   postgresql   a gradebook on PostgreSQL instead of SQLite (c.CourseDirectory.db_url); the test
#                suite starts a throwaway server of its own from /usr/lib/postgresql/<version>/bin
#   chromium     the browser the student-side test drives with Playwright (tests/test_browser.py);
#                Playwright's own browser download is never used
#
# As root it installs what is missing with apt-get; as another user it lists what is missing and
# the command to install it, and exits 1. Nothing is done when everything is there.
set -euo pipefail

PACKAGES=(bubblewrap util-linux postgresql chromium)

missing=()
for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing[*]}. Install them as root: apt-get install ${missing[*]}" >&2
    exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
