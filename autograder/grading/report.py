"""The class report: one self-contained HTML page on how a whole class did on one assignment.

write_class_report(course_root, assignment, results, timings=None) writes
reports/<assignment>.html under the course root from the StudentScores that
autograder.grading.scores.read_scores returns. The page holds its plots as embedded PNG images (data URIs),
so it can be mailed or archived as one file; it loads nothing from the network and runs no script.
A chart is drawn again only when what it shows (or the code that draws it) has changed: the last
ones are kept in .grading/<assignment>/report_charts.json, since importing matplotlib is most of a
one-submission regrade's report.
Every text that comes from a submission (student ids, failure sentences, review comments, notes)
is HTML-escaped: a failure sentence can quote a student's own strings.
"""

import base64
import functools
import hashlib
import html
import io
import json
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from autograder.course_paths import CoursePaths
from autograder.grading.scores import REVIEW_PREFIX, StudentScores
from autograder.student_text import one_line

# At most this many slowest submissions are listed, and this many student ids per failure sentence.
SLOWEST_SHOWN = 10
STUDENTS_SHOWN = 12

# A number that stands on its own: 0.0123, -3, 1e-07, 68.3, but not the 1 of W1, dW1 or A1.
_NUMBER = re.compile(r"(?<![\w.])-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?(?!\w)")
# A run of numbers such as the architecture [784, 256, 64, 10], whose length varies too.
_NUMBER_RUN = re.compile(r"#(?:\s*,\s*#)+")


def normalise_reason(sentence: str) -> str:
    """The failure sentence with its numbers replaced by #, to group the same mistake.

    The hidden tests draw fresh random problems for every student, so one mistake gives sentences
    that differ in their numbers only ("differs by 0.0123" / "differs by 0.5", "with n_x = 3, ..." /
    "with n_x = 5, ...", "initialize_parameters_he([784, 250, 60, 9])" / "([790, 260, 64, 12])").
    Numbers inside names stay (W1 and W2 are different mistakes), and a list of numbers becomes one #
    (its length is random too). Whitespace is collapsed.
    """
    return _NUMBER_RUN.sub("#", _NUMBER.sub("#", " ".join(sentence.split())))


@dataclass
class FailureGroup:
    """Students who lost points on one test cell with the same sentence, up to its numbers."""
    pattern: str     # normalise_reason of the sentences
    example: str     # one of them, verbatim (the first student's, in the order of the results)
    students: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.students)


def group_failures(results: list[StudentScores]) -> dict[str, list[FailureGroup]]:
    """{grade_id: [FailureGroup, ...] most frequent first} over every lost point, test cells in
    notebook order. Ties keep the order in which the sentences first appear."""
    groups = {}
    for result in results:
        for grade_id, reason in result.reasons.items():
            by_pattern = groups.setdefault(grade_id, {})
            pattern = normalise_reason(reason)
            group = by_pattern.setdefault(pattern, FailureGroup(pattern, reason))
            group.students.append(result.student)
    order = _grade_ids(results)
    ordered = sorted(groups, key=lambda g: order.index(g) if g in order else len(order))
    return {grade_id: sorted(groups[grade_id].values(), key=lambda group: -group.count) for grade_id in ordered}


def _grade_ids(results):
    """Every test cell's grade_id, in notebook order (the first submission's order, then any others)."""
    grade_ids = []
    for result in results:
        grade_ids += [grade_id for grade_id in result.points if grade_id not in grade_ids]
    return grade_ids


def _points(value):
    """Points for reading: 2, 1.5, 0.67."""
    return f"{round(value, 2):g}"


def _cell_counts(results, grade_id):
    """(full marks, partial, zero, graded) of one test cell over the class."""
    scores = [result.points[grade_id] for result in results if grade_id in result.points]
    full = sum(score >= top for score, top in scores)
    zero = sum(score <= 0 < top for score, top in scores)
    return full, len(scores) - full - zero, zero, len(scores)


# --- plots ------------------------------------------------------------------------------------------

def _png_data_uri(figure):
    """The figure as a PNG data URI, drawn by Agg (no display, no pyplot state)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _histogram_of_totals(assignment, totals, top):
    """PNG data URI: how many students got each total, one bar per possible total from 0 to top."""
    import numpy as np
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    # Half-point bins when some cell gives half points, else one bin per point; each bin is
    # centred on a total a student can get.
    step = 0.5 if any(value % 1 for value in (*totals, top)) else 1.0
    edges = np.arange(-step / 2, top + step, step)
    figure = Figure(figsize=(7, 3.2))
    axes = figure.add_subplot()
    axes.hist(totals, bins=edges, color="#4c72b0", edgecolor="white")
    axes.axvline(statistics.mean(totals), color="#dd8452", linestyle="--",
                 label=f"mean {_points(statistics.mean(totals))}")
    axes.axvline(statistics.median(totals), color="#55a868", linestyle=":",
                 label=f"median {_points(statistics.median(totals))}")
    axes.set_xlim(edges[0], edges[-1])
    axes.xaxis.set_major_locator(MaxNLocator(nbins=min(len(edges), 12), steps=[1, 2, 5, 10]))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(f"total points (out of {_points(top)})")
    axes.set_ylabel("students")
    axes.set_title(f"{assignment}: totals of {len(totals)} submission(s)")
    axes.legend(loc="upper left")
    return _png_data_uri(figure)


def _pass_rate_chart(assignment, grade_ids, counts):
    """PNG data URI: per test cell, the percent of students with full marks on it (counts: _cell_counts
    of each grade id)."""
    from matplotlib.figure import Figure

    rates = [100 * full / graded if graded else 0 for full, _, _, graded in counts]
    figure = Figure(figsize=(7, 1.2 + 0.45 * len(grade_ids)))
    axes = figure.add_subplot()
    bars = axes.barh(grade_ids, rates, color="#4c72b0")
    axes.bar_label(bars, labels=[f"{full}/{graded}" for full, _, _, graded in counts], padding=3)
    axes.invert_yaxis()   # notebook order, top to bottom
    axes.set_xlim(0, 115)  # room for the labels right of a full bar
    axes.set_xticks(range(0, 101, 20))
    axes.set_xlabel("students with full marks on the test cell (%)")
    axes.set_title(f"{assignment}: pass rate per test cell")
    return _png_data_uri(figure)


def _chart(charts, draw, *inputs):
    """draw(*inputs), the PNG data URI of a chart, taken from `charts` ({key: data URI}) when it holds
    the chart of the same inputs drawn by the same code (this module's); `charts` keeps it either way."""
    key = hashlib.sha256(json.dumps([draw.__name__, _drawing_code(), inputs], default=list).encode()).hexdigest()
    if key not in charts:
        charts[key] = draw(*inputs)
    return charts[key]


@functools.lru_cache(maxsize=1)
def _drawing_code():
    """A digest of this module's source: a chart drawn by other code is drawn again."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _read_charts(path):
    """{key: PNG data URI} kept at `path` by the last report, or {} (missing, unreadable, not ours)."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))["charts"]
        return {key: uri for key, uri in kept.items()
                if re.fullmatch(r"[0-9a-f]{64}", key) and re.fullmatch(r"data:image/png;base64,[A-Za-z0-9+/=]+", uri)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


# --- HTML -------------------------------------------------------------------------------------------

_STYLE = """
body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
td.number, th.number { text-align: right; }
figure { margin: 1em 0; }
figcaption, .caption { color: #555; font-size: 0.9em; }
.headline { font-size: 1.15em; }
"""


def _table(headers, rows, numeric=()):
    """An HTML table; every header and cell is escaped. numeric: indexes of right-aligned columns."""
    def cell(tag, index, value):
        align = ' class="number"' if index in numeric else ""
        return f"<{tag}{align}>{html.escape(str(value))}</{tag}>"
    head = "".join(cell("th", index, header) for index, header in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("td", index, value) for index, value in enumerate(row)) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(data_uri, alt, caption):
    return (f'<figure><img src="{data_uri}" alt="{html.escape(alt)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def _students(names):
    shown = ", ".join(names[:STUDENTS_SHOWN])
    return shown + (f" and {len(names) - STUDENTS_SHOWN} more" if len(names) > STUDENTS_SHOWN else "")


def _headline(results, totals, top):
    full = sum(total >= top for total in totals)
    zero = sum(total <= 0 for total in totals)
    review = sum(result.review is not None for result in results)
    notes = sum(bool(result.notes) for result in results)
    late = sum(result.late_penalty > 0 for result in results)
    return (f"{len(results)} submission(s); total out of {_points(top)}: mean {_points(statistics.mean(totals))}, "
            f"median {_points(statistics.median(totals))}; {full} with full marks, {zero} with 0 points; "
            f"{review} flagged for review, {notes} with notes"
            + (f", {late} with a late penalty (taken off the totals)" if late else "") + ".")


def _score_sections(assignment, results, charts):
    totals = [result.total[0] for result in results]
    top = max(result.total[1] for result in results)
    grade_ids = _grade_ids(results)
    parts = [f'<p class="headline">{html.escape(_headline(results, totals, top))}</p>',
             "<h2>Score distribution</h2>",
             _figure(_chart(charts, _histogram_of_totals, assignment, totals, top),
                     "histogram of the students' totals",
                     "Number of students per total; dashed: mean, dotted: median.")]
    rows = []
    for grade_id in grade_ids:
        full, partial, zero, graded = _cell_counts(results, grade_id)
        points = max(result.points[grade_id][1] for result in results if grade_id in result.points)
        rows.append((grade_id, _points(points), full, partial, zero, f"{100 * full / graded:.0f} %"))
    parts += ["<h2>Pass rate per test cell</h2>",
              _figure(_chart(charts, _pass_rate_chart, assignment, grade_ids,
                             [_cell_counts(results, grade_id) for grade_id in grade_ids]),
                      "bar chart of the pass rate per test cell",
                      "Percent of students with full marks on each test cell (label: students with full "
                      "marks / students graded)."),
              _table(("test cell", "points", "full marks", "partial", "0 points", "full marks (%)"), rows,
                     numeric=(1, 2, 3, 4, 5))]
    return parts


def _failure_section(results):
    parts = ["<h2>Most common failures per test cell</h2>",
             '<p class="caption">Why points were lost, one row per distinct sentence, most frequent first. '
             "Sentences that differ only in their numbers (each student gets fresh random problems) count "
             "as one; the example is one student's sentence, verbatim.</p>"]
    groups = group_failures(results)
    if not groups:
        return parts + ["<p>No points were lost.</p>"]
    for grade_id, failures in groups.items():
        lost = sum(group.count for group in failures)
        parts += [f"<h3>{html.escape(grade_id)}: {lost} student(s) lost points</h3>",
                  _table(("students", "example sentence", "who"),
                         [(group.count, group.example, _students(group.students)) for group in failures],
                         numeric=(0,))]
    return parts


def _review_and_notes_sections(results):
    flagged = [(result.student, _points(result.total[0]), result.review.removeprefix(REVIEW_PREFIX))
               for result in results if result.review]
    noted = [(result.student, _points(result.total[0]), " ".join(result.notes)) for result in results if result.notes]
    parts = ["<h2>Submissions that need review</h2>",
             '<p class="caption">Flagged by the grader for an instructor\'s look; their scores stand until then.</p>',
             _table(("student", "total", "why"), flagged, numeric=(1,)) if flagged else "<p>None.</p>",
             "<h2>Submissions with notes</h2>",
             '<p class="caption">Submissions handed in in a shape the grader had to repair or could not grade: '
             "what happened and what was graded instead; and late submissions, with their penalty.</p>",
             _table(("student", "total", "notes"), noted, numeric=(1,)) if noted else "<p>None.</p>"]
    return parts


def _timing_section(results, timings):
    totals = {result.student: _points(result.total[0]) for result in results}
    slowest = sorted(timings.items(), key=lambda item: -item[1])[:SLOWEST_SHOWN]
    return ["<h2>Slowest submissions</h2>",
            f'<p class="caption">Grading time of each submission; {len(timings)} submission(s) took '
            f"{sum(timings.values()):.1f} s in all. The {len(slowest)} slowest:</p>",
            _table(("student", "grading time (s)", "total"),
                   [(student, f"{seconds:.1f}", totals.get(student, "")) for student, seconds in slowest],
                   numeric=(1, 2))]


SIMILAR_SHOWN = 20


def _similarity_section(assignment, pairs):
    parts = ["<h2>Similar submissions</h2>",
             '<p class="caption">Pairs whose solution cells are alike beyond what honest answers to these '
             "exercises reach (names, comments, formatting and statement order normalized away, the release "
             "template removed). This is evidence for an instructor's look, never a verdict: "
             f"<code>python -m autograder similarity {html.escape(assignment)}</code> shows the cells side by "
             "side.</p>"]
    if not pairs:
        return parts + ["<p>None.</p>"]
    rows = []
    for pair in pairs[:SIMILAR_SHOWN]:
        function, value = max(pair.per_function.items(), key=lambda item: item[1])
        rows.append((one_line(pair.first, 60), one_line(pair.second, 60), f"{pair.overall:.2f}",
                     f"{function} ({value:.2f})"))
    parts.append(_table(("student", "student", "overall", "most alike cell"), rows, numeric=(2,)))
    if len(pairs) > SIMILAR_SHOWN:
        parts.append(f"<p>... and {len(pairs) - SIMILAR_SHOWN} more pairs.</p>")
    return parts


def class_report_html(assignment: str, results: list[StudentScores], timings: dict[str, float] | None = None,
                      similar: list | None = None, charts: dict[str, str] | None = None) -> str:
    """The report page as a string. Inputs as for write_class_report; charts: {key: PNG data URI} of
    charts drawn before (see _chart), which also receives the page's own."""
    title = f"{assignment}: class report"
    charts = {} if charts is None else charts
    if results:
        body = (_score_sections(assignment, results, charts) + _failure_section(results)
                + _review_and_notes_sections(results))
        if similar is not None:
            body += _similarity_section(assignment, similar)
        if timings:
            body += _timing_section(results, timings)
    else:
        body = ["<p>No graded submissions.</p>"]
    # The policy forbids scripts, network and anything but inline styles and embedded images, in case
    # a student's text ever slipped through unescaped.
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
        'style-src \'unsafe-inline\'">',
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        *body,
        "</body></html>",
        ""])


def write_class_report(course_root: str | Path, assignment: str, results: list[StudentScores],
                       timings: dict[str, float] | None = None, similar: list | None = None) -> Path:
    """Write the class report of `assignment` to <course_root>/reports/<assignment>.html.

    Inputs:
    - results: [StudentScores] (autograder.grading.scores.read_scores), test cells in notebook order
    - timings: optional {student: grading time in seconds}; adds the slowest submissions
    - similar: optional [autograder.similarity.Pair] at or above the similarity threshold
      (autograder.similarity.similar_pairs); adds the similar submissions (None: no section)
    Returns the Path of the page.
    """
    paths = CoursePaths(course_root, assignment)
    kept = _read_charts(paths.report_charts)
    charts = dict(kept)
    page = class_report_html(assignment, results, timings, similar, charts)
    paths.class_report.parent.mkdir(parents=True, exist_ok=True)
    paths.class_report.write_text(page, encoding="utf-8")
    used = {key: uri for key, uri in charts.items() if uri in page}
    if used != kept:
        try:
            paths.report_charts.parent.mkdir(parents=True, exist_ok=True)
            paths.report_charts.write_text(json.dumps({"charts": used}), encoding="utf-8")
        except OSError:
            pass   # the charts are drawn again next time
    return paths.class_report

