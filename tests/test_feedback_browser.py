"""Does a feedback page graded from an attack notebook run nothing of the student's in a real browser?

A student hands in a correct regularization notebook with active HTML in Markdown cells (an
`<img onerror>`, `javascript:` links, an `<iframe>`, a `<script>`, an `<svg onload>`) and in the
name of a left-out file, which reaches the grading note and the review comment. The class is
graded by `python -m autograder grade` (real nbgrader, sandboxed kernel); the student's feedback
page is then opened in Debian's chromium (Playwright), where every handler would set
`window.ran` or open a dialog, and clicked through its links.
"""

import os

import nbformat
import pytest

from autograder.__main__ import main
from autograder.nbgrader_course import REPO_ROOT
from tests import browser as lab
from tests import messy_class
from tests.conftest import make_course_root

pytestmark = pytest.mark.slow
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "browser"
ASSIGNMENT = "regularization"
ATTACK = ('<img src=x onerror="window.ran=(window.ran||[]).concat(1)"> [click me](javascript:window.ran=[2]) '
          '<a href=" JaVaScRiPt:window.ran=[3]">me too</a> <iframe srcdoc="<script>parent.ran=[4]</script>"></iframe> '
          '<script>window.ran=[5]</script> <svg><image href=x onerror="window.ran=[6]"/></svg> '
          '<details open ontoggle="window.ran=[7]"><summary>s</summary></details>')
# A file name can hold markup too (no slash): it is left out (a link) and named in the grading note.
FILE_NAME = '<img src=x onerror=window.ran=[8]><a href=javascript:window.ran=[9]>note<'
LEGITIMATE = ("## My derivation\n\nThe cost adds $\\frac{\\lambda}{2m} \\sum_l \\|W^{[l]}\\|_F^2$.\n\n"
              "| layer | units |\n|---|---|\n| 1 | 20 |\n\n![my plot](plot.png)\n")


def hand_in(root):
    folder = root / "submitted" / "attacker" / ASSIGNMENT
    folder.mkdir(parents=True)
    notebook = messy_class.notebook()
    notebook.cells += [nbformat.v4.new_markdown_cell(ATTACK), nbformat.v4.new_markdown_cell(LEGITIMATE)]
    messy_class.write(folder, notebook)
    os.symlink("../../../gradebook.db", folder / FILE_NAME)
    (folder / "plot.png").write_bytes(b"\x89PNG\r\n\x1a\n")


def test_does_a_feedback_page_from_an_attack_notebook_run_nothing_in_a_browser(tmp_path):
    lab.require_browser()
    root = make_course_root(tmp_path)
    hand_in(root)
    assert main(["grade", ASSIGNMENT, "--root", str(root), "--no-progress", "--workers", "1"]) == 0
    page_file = root / "feedback" / "attacker" / ASSIGNMENT / f"{ASSIGNMENT}.html"
    source = page_file.read_text()
    assert "Grading note" in source and "note&lt;" in source   # the file name did reach the page, as text

    with lab.browser(SCREENSHOTS) as page:
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        # No network: MathJax's CDN script fails fast, and nothing else is fetched.
        page.route("http*://**", lambda route: route.abort())
        page.goto(page_file.as_uri(), wait_until="load")
        page.wait_for_timeout(500)
        found = page.evaluate("""() => {
            const all = [...document.querySelectorAll('*')];
            return {
                handlers: all.filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')))
                             .map(e => e.outerHTML.slice(0, 120)),
                frames: document.querySelectorAll('iframe, frame, object, embed, form').length,
                scripts: [...document.scripts].filter(s => s.textContent.includes('ran')).map(s => s.outerHTML),
                urls: all.flatMap(e => ['href', 'src', 'action', 'xlink:href'].map(n => e.getAttribute(n) || ''))
                         .filter(u => /^\\s*(javascript|vbscript|data:text)/i.test(u)),
                headings: [...document.querySelectorAll('h2')].map(h => h.textContent),
                cells: [...document.querySelectorAll('td')].map(td => td.textContent),
                images: [...document.querySelectorAll('img')].map(i => i.getAttribute('src')),
                text: document.body.innerText,
            };
        }""")
        for link in page.locator("a", has_text="me").all():   # the student's links, clicked
            link.click(force=True)
        page.wait_for_timeout(300)
        ran = page.evaluate("() => window.ran || null")
    assert ran is None and not dialogs, (ran, dialogs)
    assert not found["handlers"] and not found["frames"] and not found["scripts"] and not found["urls"], found
    # legitimate Markdown still renders: headings, tables, images, and LaTeX left for MathJax
    assert any("My derivation" in h for h in found["headings"]), found["headings"]
    assert "20" in found["cells"] and "plot.png" in found["images"]
    assert "\\frac{\\lambda}{2m}" in found["text"]
