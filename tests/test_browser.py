"""Can a student do the whole assignment in JupyterLab, in a real browser?

An instructor releases `regularization` to an exchange in a temporary folder. In the student's
JupyterLab (nbgrader's lab extension, Debian's chromium driven by Playwright) the student fetches
it from the Assignments panel, validates the untouched notebook (the failing check is named) and
a buggy one (the check's whole sentence shows), pastes answers into the solution cells, restarts and runs
everything (the visible checks tick), validates (it passes), validates and submits from the panel, and the submission lands in the
exchange. Screenshots of a failure are kept in test-artifacts/browser/.

The debugging assignment goes through the same steps with the demo's correct answers, so the
newest notebook is fetched, run, validated and submitted in the browser too.
"""

import os
import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from autograder.assignments import by_name
from autograder.catalogue.loader import CATALOGUE_DIR, load_cases
from autograder.nbgrader_course import REPO_ROOT
from tests import browser as lab
from tests.conftest import make_course_root
from tests.messy_class import BACKWARD, BUGGY_BACKWARD, CORRECT, COST

pytestmark = pytest.mark.slow
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "browser"
ASSIGNMENT = "regularization"
COURSE_ID = "practical-deep-learning"


def release_to_exchange(instructor, exchange, assignment=ASSIGNMENT):
    """What an instructor does: generate the release from source/ and release it to the exchange."""
    environment = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    subprocess.run([sys.executable, "-m", "autograder", "release", assignment, "--root", str(instructor)],
                   env=environment, check=True, capture_output=True)
    subprocess.run([str(os.path.join(os.path.dirname(sys.executable), "nbgrader")), "release_assignment", assignment,
                    f"--Exchange.root={exchange}"], cwd=instructor, env=environment, check=True, capture_output=True)


def course_with_exchange(tmp_path, assignment):
    """(exchange, student folder): the assignment released to a fresh exchange, an empty student home."""
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    os.chmod(exchange, 0o777)
    instructor = tmp_path / "instructor"
    instructor.mkdir()
    release_to_exchange(make_course_root(instructor), exchange, assignment)
    student = tmp_path / "student"
    student.mkdir()
    return exchange, student


def fetch_and_open(page, url, student, assignment):
    """Fetch from the Assignments panel, open the notebook; returns the fetched notebook's path."""
    page.goto(f"{url}/lab?token={lab.TOKEN}")
    page.get_by_text("Nbgrader", exact=True).click()
    page.get_by_text("Assignment List").click()
    page.get_by_role("button", name="Fetch").click()
    page.get_by_text("There are no downloaded assignments.").wait_for(state="hidden")
    fetched = student / assignment / f"{assignment}.ipynb"
    assert fetched.exists()
    page.goto(f"{url}/lab/tree/{assignment}/{assignment}.ipynb?token={lab.TOKEN}")
    page.get_by_text("| Idle").wait_for()
    return fetched


def restart_run_all_and_read_outputs(page):
    page.get_by_text("Kernel", exact=True).click()
    page.get_by_text("Restart Kernel and Run All Cells…").click()
    page.locator(".jp-Dialog-button.jp-mod-accept").click()
    wait_until_every_cell_ran(page)
    return page.locator(".jp-Notebook .jp-OutputArea").all_inner_texts()


def validate_and_submit_from_the_panel(page):
    page.get_by_text("Nbgrader", exact=True).click()
    page.get_by_text("Assignment List").click()
    panel = page.get_by_text("Downloaded assignments", exact=True).locator("xpath=..")
    panel.locator("a.assignment-notebooks-link").click()   # unfolds its notebooks
    panel.get_by_role("button", name="Validate").click()
    assert "Success! Your notebook passes all the tests." in wait_for_dialog_result(page)
    panel.get_by_role("button", name="Submit").click()
    page.get_by_text("There are no submitted assignments.").wait_for(state="hidden")


def submitted_solutions(exchange, assignment):
    """{grade_id: source} of the solution cells of the one submission in the exchange's inbound."""
    inbound = sorted((exchange / COURSE_ID / "inbound").iterdir())
    assert len(inbound) == 1 and re.match(rf"[^+]+\+{assignment}\+", inbound[0].name), inbound
    submitted = nbformat.read(inbound[0] / f"{assignment}.ipynb", as_version=4)
    return {cell.metadata["nbgrader"]["grade_id"]: cell.source.strip() for cell in submitted.cells
            if cell.metadata.get("nbgrader", {}).get("solution")}


def wait_for_dialog_result(page):
    """The text of nbgrader's validation dialog once validation has finished."""
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for()
    page.wait_for_function("() => !document.querySelector('.jp-Dialog').textContent.includes('Validating')",
                           timeout=180_000)
    text = dialog.inner_text()
    dialog.locator(".jp-Dialog-button").last.click()
    dialog.wait_for(state="detached")
    return text


def paste_answers(page, notebook, answers):
    """Replace the solution cells' code, pasted in one go (typing would re-indent it)."""
    cells = page.locator(".jp-Notebook .jp-Cell")
    for grade_id, code in answers.items():
        index = next(i for i, cell in enumerate(notebook.cells)
                     if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
        cells.nth(index).locator(".cm-content").click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(code)


def visible_sentence(case_name):
    """The sentence the visible check of the backward pass gives this catalogue case, computed here."""
    import contextlib
    import io

    from course.checks import CheckFailure, check_backward_propagation_with_regularization

    case = next(case for case in load_cases(ASSIGNMENT) if case.function_name == BACKWARD and case.name == case_name)
    with contextlib.redirect_stdout(io.StringIO()), pytest.raises(CheckFailure) as failure:
        check_backward_propagation_with_regularization(case.load())
    return failure.value.sentence


def wait_until_every_cell_ran(page):
    page.wait_for_function(
        "() => { const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]"
        ".map(e => e.textContent); return prompts.length && prompts.every(t => /\\[\\d+\\]/.test(t)); }",
        timeout=180_000)


def test_can_a_student_fetch_complete_validate_and_submit_in_jupyterlab(tmp_path):
    lab.require_browser()
    exchange, student = course_with_exchange(tmp_path, ASSIGNMENT)
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)

    with lab.student_lab(student, tmp_path, exchange) as url, lab.browser(SCREENSHOTS) as page:
        fetched = fetch_and_open(page, url, student, ASSIGNMENT)

        # The untouched notebook: Validate names the failing check.
        page.get_by_role("button", name="Validate").click()
        untouched = " ".join(wait_for_dialog_result(page).split())
        assert f"CheckFailure: {COST}(A3, Y, parameters, lambd=0) raised NotImplementedError." in untouched

        # A buggy backward pass: Validate shows the visible check's whole sentence, however long.
        notebook = nbformat.read(fetched, as_version=4)
        paste_answers(page, notebook, BUGGY_BACKWARD)
        page.keyboard.press("Control+s")
        page.wait_for_timeout(1000)
        page.get_by_role("button", name="Validate").click()
        buggy = " ".join(wait_for_dialog_result(page).split())
        sentence = visible_sentence("bug_no_l2_in_dW1")
        assert len(sentence) > 90 and f"CheckFailure: {sentence}" in buggy, (sentence, buggy)

        # The right answers, restart and run all.
        paste_answers(page, notebook, CORRECT)
        outputs = restart_run_all_and_read_outputs(page)
        ticks = [text for text in outputs if text.lstrip().startswith("✔")]
        assert len(ticks) >= 2, outputs
        assert not any("CheckFailure" in text or "✘" in text for text in outputs)
        page.keyboard.press("Control+s")
        page.wait_for_timeout(1000)

        # Validate in the notebook: it passes.
        page.get_by_role("button", name="Validate").click()
        assert "Success! Your notebook passes all the tests." in wait_for_dialog_result(page)

        validate_and_submit_from_the_panel(page)

    assert submitted_solutions(exchange, ASSIGNMENT) == {grade_id: CORRECT[grade_id].strip() for grade_id in (COST, BACKWARD)}


def test_can_a_student_fetch_run_validate_and_submit_the_debugging_assignment(tmp_path):
    lab.require_browser()
    assignment = by_name("debugging")
    answers = {function: (CATALOGUE_DIR / assignment.name / function / case).read_text()
               for function, case in assignment.demo["ada_correct"].items()}
    assert set(answers) == set(assignment.graded_functions)
    exchange, student = course_with_exchange(tmp_path, assignment.name)
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)

    with lab.student_lab(student, tmp_path, exchange) as url, lab.browser(SCREENSHOTS) as page:
        fetched = fetch_and_open(page, url, student, assignment.name)
        page.get_by_role("button", name="Validate").click()
        untouched = " ".join(wait_for_dialog_result(page).split())
        first = assignment.graded_functions[0]
        assert re.search(rf"CheckFailure: {first}\([^)]*\).* raised NotImplementedError\.", untouched), untouched

        paste_answers(page, nbformat.read(fetched, as_version=4), answers)
        outputs = restart_run_all_and_read_outputs(page)
        ticks = [text for text in outputs if text.lstrip().startswith("✔")]
        assert len(ticks) >= len(assignment.graded_functions), outputs
        assert not any("CheckFailure" in text or "✘" in text or "Traceback" in text for text in outputs), outputs
        page.keyboard.press("Control+s")
        page.wait_for_timeout(1000)
        validate_and_submit_from_the_panel(page)

    assert submitted_solutions(exchange, assignment.name) == {function: code.strip() for function, code in answers.items()}
