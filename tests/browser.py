"""A JupyterLab server and a real browser for the student-side tests.

`student_lab(folder, exchange)` starts JupyterLab 4 (with nbgrader's lab extension, installed with
nbgrader) on `folder`, as a student's server: its own Jupyter data, runtime and settings folders,
notebook windowing off (a windowed notebook leaves cells out of the page), no news pop-up, a
token, loopback only. `browser()` drives Debian's chromium with Playwright: never the browser
Playwright would download.
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.missing import stop

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TOKEN = "browser-test"
INSTALL_HINT = "run `bash autograder/install_system_packages.sh` as root (it installs Debian's chromium)"

# Settings a student could set in JupyterLab's settings editor, written where JupyterLab reads them.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                       "checkForUpdates": False},
}


def require_browser():
    """Skip (or, with CI=true, fail) when chromium or Playwright is missing."""
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append("chromium")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package (pip install '.[test]')")
    if missing:
        message = f"the browser test needs {' and '.join(missing)}: {INSTALL_HINT}"
        stop(message)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def student_lab(folder, scratch, exchange=None, course_id="practical-deep-learning"):
    """A JupyterLab server on `folder`; yields its base URL (token included). `scratch` holds
    the server's own Jupyter folders and log. With `exchange`, the folder's nbgrader_config.py
    points the student's Assignments panel at that exchange."""
    folder, scratch = Path(folder), Path(scratch)
    if exchange is not None:
        (folder / "nbgrader_config.py").write_text(
            f"c = get_config()\nc.CourseDirectory.course_id = {course_id!r}\nc.Exchange.root = {str(exchange)!r}\n")
    settings = scratch / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(values))
    environment = dict(os.environ, JUPYTER_DATA_DIR=str(scratch / "data"), JUPYTER_RUNTIME_DIR=str(scratch / "runtime"),
                       JUPYTER_CONFIG_DIR=str(scratch / "config"), JUPYTERLAB_SETTINGS_DIR=str(settings))
    environment.pop("PYTHONPATH", None)   # a student's server sees the installed course package only
    port = free_port()
    log = open(scratch / "jupyterlab.log", "w")  # noqa: SIM115 (closed when the server stops)
    server = subprocess.Popen([str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--allow-root",
                               "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={TOKEN}",
                               f"--ServerApp.root_dir={folder}"], cwd=folder, env=environment, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, (scratch / "jupyterlab.log").read_text()
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
            server.wait()
        log.close()


@contextlib.contextmanager
def browser(screenshots):
    """A Playwright page in Debian's chromium; on an exception, a screenshot is kept in
    `screenshots` (its path is added to the error) before the browser closes."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(60_000)
        try:
            yield page
        except BaseException as error:
            Path(screenshots).mkdir(parents=True, exist_ok=True)
            shot = Path(screenshots) / f"failure-{time.strftime('%H%M%S')}.png"
            with contextlib.suppress(Exception):
                page.screenshot(path=str(shot), full_page=False)
            error.add_note(f"screenshot of the page: {shot}")
            raise
        finally:
            chromium.close()
