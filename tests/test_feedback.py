"""Does a feedback page show a student's Markdown and notes without running any of it?

The pages are rendered with nbgrader's own GenerateFeedback exporter, configured as the grading
run configures it (autograder.nbgrader_course.open_course); the real-browser check of a page
graded end to end is tests/test_feedback_browser.py.
"""

import re

from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell
from traitlets.config import Config

from autograder.grading.feedback import clean_html
from autograder.nbgrader_course import open_course

ATTACK = ('<img src=x onerror="window.ran=1"> [click](javascript:window.ran=2) '
          '<a href=" JaVaScRiPt:window.ran=3">x</a> <iframe src="https://example.org"></iframe> '
          '<script>window.ran=4</script> <svg onload="window.ran=5"></svg> <form action="https://x"><button>go</button>'
          '</form> <a href="data:text/html,<script>1</script>">d</a> <p style="position:fixed">fixed</p>')
LEGITIMATE = ("## My derivation\n\nThe cost is $J = \\frac{1}{m} \\sum_i L_i$ and\n\n$$\\|W\\|_F^2$$\n\n"
              "| layer | units |\n|---|---|\n| 1 | 20 |\n\n![my plot](plot.png) and [the paper](https://arxiv.org/abs/1207.0580)\n")


def active_markup(page):
    """What in `page` would run or navigate on its own: script elements holding the attack's code,
    event-handler attributes, frames, forms, and javascript: or data: links."""
    return (re.findall(r"<script>window\.ran", page) + re.findall(r"<[a-z]+[^<>]*\son[a-z]+\s*=", page, re.I)
            + re.findall(r"<(?:iframe|form|svg)\b", page, re.I)
            + re.findall(r"""(?:href|src|action)\s*=\s*["']?\s*(?:javascript|data:text)""", page, re.I)
            + re.findall(r"<p style=", page))


def feedback_page(course_root, notebook):
    """The HTML page nbgrader's GenerateFeedback exporter writes for `notebook`, as grading configures it."""
    from nbgrader.converters import GenerateFeedback

    api = open_course(course_root)
    converter = GenerateFeedback(coursedir=api.coursedir, parent=api)
    converter.update_config(Config({"HTMLExporter": {"template_name": "feedback"}}))   # as NbGraderAPI.generate_feedback does
    exporter = converter.exporter_class(parent=converter, config=converter.config)
    resources = {"nbgrader": {"notebook": "regularization", "score": 1.0, "max_score": 3.0, "late_penalty": 0}}
    page, _ = exporter.from_notebook_node(notebook, resources=resources)
    return page


def attack_notebook():
    graded = new_code_cell("def f():\n    pass\n", metadata={"nbgrader": {
        "grade": True, "solution": True, "grade_id": "f", "points": 1, "score": 1, "comment": ATTACK}})
    graded.outputs = [new_output("display_data", data={"text/html": ATTACK, "text/plain": "x"})]
    answer = new_markdown_cell(ATTACK, metadata={"nbgrader": {
        "grade": True, "solution": True, "task": False, "grade_id": "answer", "points": 1, "score": 0,
        "comment": ATTACK}})
    return new_notebook(cells=[new_markdown_cell("**Grading note.** Not graded: " + ATTACK), new_markdown_cell(ATTACK),
                               answer, graded, new_raw_cell(ATTACK, metadata={"raw_mimetype": "text/html"}),
                               new_markdown_cell(LEGITIMATE)])


def test_does_the_feedback_page_keep_no_active_markup_from_any_cell_or_comment(course_root):
    page = feedback_page(course_root, attack_notebook())
    assert not active_markup(page), active_markup(page)[:10]
    # the student's text is still there, as text
    assert "&lt;iframe" in page and "&lt;script&gt;window.ran=4" in page


def test_does_the_feedback_page_still_render_markdown_latex_images_and_links(course_root):
    page = feedback_page(course_root, new_notebook(cells=[new_markdown_cell(LEGITIMATE)]))
    assert re.search(r"<h2[^>]*>My derivation", page)
    assert "<table>" in page and "<td>20</td>" in page
    assert '<img alt="my plot" src="plot.png"' in page or '<img src="plot.png" alt="my plot"' in page
    assert '<a href="https://arxiv.org/abs/1207.0580">the paper</a>' in page
    assert "$J = \\frac{1}{m} \\sum_i L_i$" in page and "$$\\|W\\|_F^2$$" in page


def test_does_the_cleaner_escape_what_it_does_not_allow_instead_of_dropping_it():
    cleaned = clean_html('<h3>ok</h3><script>alert(1)</script><a href="javascript:alert(2)">x</a>')
    assert cleaned.startswith("<h3>ok</h3>&lt;script&gt;alert(1)&lt;/script&gt;")
    assert "javascript" not in cleaned and "<a>x</a>" in cleaned


def test_is_the_attack_notebook_active_in_nbgraders_own_feedback_template(course_root, monkeypatch):
    """The check above can fail: with nbgrader's own template the same page keeps active markup."""
    from autograder.grading import feedback

    monkeypatch.setattr(feedback, "configure_feedback", lambda config: config)
    page = feedback_page(course_root, attack_notebook())
    assert active_markup(page)


def test_does_mathjax_load_with_its_safe_extension_so_a_latex_link_cannot_run_script(course_root):
    # \href is TeX's link: MathJax turns it into <a href> after the page is cleaned, so only its Safe
    # extension (which allows http, https, mailto and a few others, never javascript:) stops it.
    page = feedback_page(course_root, new_notebook(cells=[new_markdown_cell(r"$\href{javascript:window.ran=6}{x}$")]))
    mathjax = re.findall(r"""<script[^>]*\ssrc=["']([^"']*mathjax[^"']*)""", page, re.I)
    assert mathjax, "the feedback page no longer loads MathJax where this test looks for it"
    for url in mathjax:
        assert "Safe" in url.partition("config=")[2].split(","), url
