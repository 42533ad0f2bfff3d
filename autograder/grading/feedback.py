"""Feedback pages that run nothing a student wrote.

nbgrader writes feedback with nbconvert's HTMLExporter and its own `feedback` template. With
`HTMLExporter.sanitize_html` nbconvert cleans outputs, but nbgrader's template renders Markdown
cells and grading comments (where the review note quotes a student's file names) without
cleaning, so a student's `<img onerror>`, `javascript:` link or `<iframe>` stays active in a page
an instructor may open from the Jupyter server they grade on. And nbconvert's own cleaner
(`clean_html`) escapes headings, paragraphs, tables and images, which turns ordinary Markdown into
visible tags.

`configure_feedback(config)` makes nbgrader's GenerateFeedback use `FeedbackExporter` and the template in
autograder/grading/templates/feedback/safe_feedback.html.j2 (nbgrader's, with every Markdown cell and comment cleaned) and
`clean_html` below for everything cleaned: bleach (which nbconvert ships) with an allowlist of
the markup Markdown produces, no scripts, styles, event handlers, frames or forms, and only
http, https, mailto and relative URLs.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

import bleach
import jinja2
from nbconvert.exporters import HTMLExporter

if TYPE_CHECKING:
    from traitlets.config import Config

TEMPLATES = Path(__file__).resolve().parent / "templates"
# nbgrader's API always sets HTMLExporter.template_name = "feedback" for feedback, so this folder is
# called feedback too and comes first on the search path; its page is a file name of its own, which
# extends nbgrader's index.html.j2 (found next, in nbgrader's own feedback folder).
TEMPLATE_NAME = "feedback"
TEMPLATE_FILE = "safe_feedback.html.j2"

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
})
ALLOWED_ATTRIBUTES = {
    "*": ["class", "id", "title", "align"],
    "a": ["href", "title", "class", "id"],
    "img": ["src", "alt", "title", "width", "height", "class", "id"],
    "td": ["colspan", "rowspan", "align", "class"],
    "th": ["colspan", "rowspan", "align", "class"],
    "ol": ["start", "class"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})


def clean_html(element):
    """`element` (HTML text or bytes) with only the allowed markup; anything else is escaped, so it
    shows as text. Used as nbconvert's `clean_html` filter in feedback pages."""
    element = element.decode() if isinstance(element, bytes) else str(element)
    return bleach.clean(element, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS,
                        strip_comments=True)


@functools.cache
def template_bytecode_cache() -> jinja2.BytecodeCache:
    """Jinja's cache of compiled templates in a folder of this user's own (jinja checks that only
    this user can write it; a sandboxed kernel has a /tmp of its own)."""
    return jinja2.FileSystemBytecodeCache()


class FeedbackExporter(HTMLExporter):
    """nbconvert's HTMLExporter, with compiled templates kept between pages: nbgrader makes a new
    exporter for every feedback page, and compiling the templates took a third of a page's time."""

    def _create_environment(self):
        environment = super()._create_environment()
        environment.bytecode_cache = template_bytecode_cache()
        return environment


def configure_feedback(config: Config) -> Config:
    """Make nbgrader's GenerateFeedback (configured by the traitlets `config`) write sanitized pages."""
    import nbgrader

    nbgrader_templates = Path(nbgrader.__file__).resolve().parent / "server_extensions" / "formgrader" / "templates"
    config.GenerateFeedback.exporter_class = FeedbackExporter
    config.HTMLExporter.sanitize_html = True
    config.HTMLExporter.template_name = TEMPLATE_NAME
    config.HTMLExporter.template_file = TEMPLATE_FILE
    config.HTMLExporter.extra_template_basedirs = [str(TEMPLATES), str(nbgrader_templates)]
    config.HTMLExporter.filters = {"clean_html": clean_html}
    return config
