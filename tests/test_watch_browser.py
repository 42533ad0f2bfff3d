"""Does a student who submits in JupyterLab get `watch`'s feedback in the Assignments panel?

The instructor's course root names an exchange in a temporary folder (autograder/benchmarks/exchange_course.py) and
runs `python -m autograder watch`. In the student's JupyterLab (nbgrader's lab extension, Debian's
chromium driven by Playwright; tests/browser.py) the student fetches regularization, pastes a
backward pass that forgets the L2 term of dW1, saves and submits from the Assignments panel. The
panel then offers feedback to fetch; the student fetches it, and the page names the failing
function's sentence. Screenshots of a failure are kept in test-artifacts/browser/.
"""

import getpass

import nbformat
import pytest

from autograder.benchmarks.exchange_course import ASSIGNMENT, instructor_with_exchange, start_watch, stop, wait_for
from tests import browser as lab
from tests.messy_class import BUGGY_BACKWARD
from tests.test_browser import SCREENSHOTS, fetch_and_open, paste_answers
from tests.test_watch import BUG

pytestmark = pytest.mark.slow


def open_assignment_list(page):
    page.get_by_text("Nbgrader", exact=True).click()
    page.get_by_text("Assignment List").click()


def test_does_a_student_who_submits_in_jupyterlab_fetch_watchs_feedback_in_the_assignments_panel(tmp_path):
    lab.require_browser()
    root, exchange = instructor_with_exchange(tmp_path)
    student, scratch = tmp_path / "student", tmp_path / "lab"
    student.mkdir()
    scratch.mkdir()
    log = tmp_path / "watch.log"
    watch = start_watch(root, log, "--interval", "1")
    try:
        with lab.student_lab(student, scratch, exchange) as url, lab.browser(SCREENSHOTS) as page:
            fetched = fetch_and_open(page, url, student, ASSIGNMENT)
            paste_answers(page, nbformat.read(fetched, as_version=4), BUGGY_BACKWARD)
            page.keyboard.press("Control+s")
            page.wait_for_timeout(1000)
            open_assignment_list(page)
            panel = page.get_by_text("Downloaded assignments", exact=True).locator("xpath=..")
            panel.get_by_role("button", name="Submit").click()
            page.get_by_text("There are no submitted assignments.").wait_for(state="hidden")

            # The student's id in the exchange is their user name, as nbgrader submits it.
            wait_for(lambda: f"Released {getpass.getuser()}'s feedback" in log.read_text(), what="the feedback",
                     log=log)
            page.reload()
            open_assignment_list(page)
            page.get_by_text("(feedback available to fetch)").wait_for()
            page.get_by_role("button", name="Fetch Feedback").click()
            page.get_by_text("(view feedback)").wait_for()
    finally:
        stop(watch)
    (feedback,) = (student / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html")
    page_text = feedback.read_text()
    assert "CheckFailure" in page_text and all(mention in page_text for mention in BUG.mentions)
