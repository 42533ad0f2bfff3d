"""Does the class report show a whole class's results on one safe, self-contained page? (no nbgrader run)"""

import base64
import html
import json
import re
import struct

import pytest

import autograder.grading.scores
from autograder.__main__ import main
from autograder.grading.report import group_failures, normalise_reason, write_class_report
from autograder.grading.scores import REVIEW_PREFIX
from tests.small_class import (
    ASSIGNMENT,
    BACKWARD,
    COST,
    DW2_MISSING_L2_BOB,
    DW2_MISSING_L2_DAN,
    DW3_MISSING_L2,
    MISSING_NOTEBOOK,
    SCRIPT_REASON,
    small_class,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """The report of the small class, with timings, as text."""
    root = tmp_path_factory.mktemp("course")
    timings = {"ada": 12.5, "bob": 3.0, "cyd": 7.25, "dan": 30.0, "eve": 1.0, "mal": 9.0}
    path = write_class_report(root, ASSIGNMENT, small_class(), timings)
    assert path == root / "reports" / f"{ASSIGNMENT}.html"
    return path.read_text(encoding="utf-8")


def row(*cells, numeric=()):
    """The HTML of a table row's cells as the report writes them, escaped; numeric: right-aligned columns."""
    return "".join(f'<td class="number">{html.escape(c)}</td>' if i in numeric else f"<td>{html.escape(c)}</td>"
                   for i, c in enumerate(cells))


@pytest.mark.parametrize("first, second", [
    ("differs by 0.0123.", "differs by 0.5."),
    ("with n_x = 3, n1 = 4, m = 17, lambd = 0.7", "with n_x = 5, n1 = 12, m = 40, lambd = 0"),
    ("initialize_parameters_he([784, 256, 64, 10]) returned", "initialize_parameters_he([790, 250, 60]) returned"),
    ("a relative difference of 1.5e-03 and -2", "a relative difference of 3E+01 and 7"),
    ("entry (0, 1) is 0.1234 where", "entry (2, 0) is -7 where"),
])
def test_do_sentences_that_differ_only_in_their_numbers_group_together(first, second):
    assert normalise_reason(first) == normalise_reason(second)


@pytest.mark.parametrize("first, second", [
    ("dW1 is wrong.", "dW2 is wrong."),                     # a number inside a name is part of the mistake
    ("dZ2 = dA2 * (A2 > 0)", "dZ1 = dA1 * (A1 > 0)"),
    ("NameError: name 'x1' is not defined", "NameError: name 'x2' is not defined"),
])
def test_do_sentences_about_different_blocks_stay_apart(first, second):
    assert normalise_reason(first) != normalise_reason(second)


def test_are_failures_grouped_per_test_cell_most_frequent_first():
    groups = group_failures(small_class())
    assert list(groups) == [COST, BACKWARD]
    assert [(g.count, g.example, g.students) for g in groups[BACKWARD]] == [
        (2, DW2_MISSING_L2_BOB, ["bob", "dan"]),
        (1, DW3_MISSING_L2, ["cyd"]),
        (1, "NotImplementedError", ["eve"]),
        (1, "CheckFailure: db3 has an L2 term <b>bold</b> & more.", ["mal"]),
    ]
    assert [(g.count, g.students) for g in groups[COST]] == [(1, ["eve"]), (1, ["mal"])]
    assert normalise_reason(DW2_MISSING_L2_DAN) == groups[BACKWARD][0].pattern


def test_does_the_page_embed_two_png_plots_and_load_nothing(page):
    sources = re.findall(r'<img src="([^"]*)"', page)
    assert len(sources) == 2, "the histogram of totals and the pass rates"
    for source in sources:
        assert source.startswith("data:image/png;base64,")
        png = base64.b64decode(source.removeprefix("data:image/png;base64,"), validate=True)
        assert png[:8] == PNG_SIGNATURE and png[12:16] == b"IHDR"
        width, height = struct.unpack(">II", png[16:24])
        assert 300 <= width <= 1500 and 100 <= height <= 1000, (width, height)
        assert len(png) > 5000, "a plot, not a blank image"
    assert not re.search(r"<script|\b(?:src|href)=\"(?!data:)", page, re.I)


def test_does_the_headline_give_the_class_in_numbers(page):
    # totals 3, 1, 1, 1, 0, 1.5 out of 3
    assert ("6 submission(s); total out of 3: mean 1.25, median 1; 1 with full marks, 1 with 0 points; "
            "2 flagged for review, 1 with notes.") in page


def test_does_the_pass_rate_table_count_full_partial_and_zero_per_cell(page):
    assert row(COST, "1", "4", "0", "2", "67 %", numeric=(1, 2, 3, 4, 5)) in page
    assert row(BACKWARD, "2", "1", "1", "4", "17 %", numeric=(1, 2, 3, 4, 5)) in page


def test_does_each_grouped_failure_show_its_count_an_example_and_who(page):
    assert row("2", DW2_MISSING_L2_BOB, "bob, dan", numeric=(0,)) in page
    assert row("1", DW3_MISSING_L2, "cyd", numeric=(0,)) in page
    assert f"<h3>{BACKWARD}: 5 student(s) lost points</h3>" in page
    assert DW2_MISSING_L2_DAN not in page, "one verbatim example per group"


def test_is_every_student_text_escaped(page):
    assert "<b>bold" not in page and "<img src=x" not in page and "<script" not in page.lower()
    assert html.escape(SCRIPT_REASON) in page
    assert "db3 has an L2 term &lt;b&gt;bold&lt;/b&gt; &amp; more." in page


def test_does_the_page_list_the_reviews_and_the_notes(page):
    mal = small_class()[-1]
    assert row("dan", "1", "cell 7: assigns to np.allclose.", numeric=(1,)) in page
    assert row("mal", "1.5", mal.review.removeprefix(REVIEW_PREFIX), numeric=(1,)) in page
    assert html.escape(REVIEW_PREFIX) not in page, "the section's title and caption say it once for all"
    assert row("eve", "0", MISSING_NOTEBOOK, numeric=(1,)) in page


def test_are_the_slowest_submissions_listed_slowest_first(page):
    section = page[page.index("<h2>Slowest submissions</h2>"):]
    assert "6 submission(s) took 62.8 s in all" in section
    assert re.findall(r"<tr><td>(\w+)</td>", section) == ["dan", "ada", "mal", "cyd", "bob", "eve"]


def test_is_there_no_timing_section_without_timings_and_a_sentence_for_an_empty_class(tmp_path):
    assert "Slowest" not in write_class_report(tmp_path, ASSIGNMENT, small_class()).read_text()
    assert "<p>No graded submissions.</p>" in write_class_report(tmp_path, ASSIGNMENT, []).read_text()


def test_does_the_report_command_write_the_page_of_the_graded_class(tmp_path, monkeypatch, capsys):
    (tmp_path / "gradebook.db").touch()
    monkeypatch.setattr(autograder.grading.scores, "read_scores",
                        lambda root, name, db_url=None: small_class() if (root, name) == (tmp_path, ASSIGNMENT) else [])
    assert main(["report", ASSIGNMENT, "--root", str(tmp_path)]) == 0
    path = tmp_path / "reports" / f"{ASSIGNMENT}.html"
    assert capsys.readouterr().out == f"wrote {path}\n"
    assert row("2", DW2_MISSING_L2_BOB, "bob, dan", numeric=(0,)) in path.read_text()
    assert main(["report", "initialization", "--root", str(tmp_path)]) == 1
    assert "no graded submissions of 'initialization'" in capsys.readouterr().err


def _charts(page):
    return re.findall(r'<img src="([^"]*)"', page)


def test_does_a_report_of_unchanged_scores_reuse_its_charts_without_matplotlib(tmp_path):
    # Drawing the two charts costs a grading process the import of matplotlib (most of a one-submission
    # regrade's report); a regrade that leaves the class's scores as they were draws nothing.
    import subprocess
    import sys

    first = write_class_report(tmp_path, ASSIGNMENT, small_class()).read_text(encoding="utf-8")
    script = ("import sys; from pathlib import Path; from tests.small_class import small_class, ASSIGNMENT; "
              "from autograder.grading.report import write_class_report; "
              f"write_class_report(Path({str(tmp_path)!r}), ASSIGNMENT, small_class()); "
              "print('matplotlib' in sys.modules)")
    reused = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert reused.stdout.strip() == "False", reused.stderr
    assert (tmp_path / "reports" / f"{ASSIGNMENT}.html").read_text(encoding="utf-8") == first


def test_does_a_report_redraw_the_charts_whose_inputs_changed(tmp_path):
    results = small_class()
    before = _charts(write_class_report(tmp_path, ASSIGNMENT, results).read_text(encoding="utf-8"))
    results[1].points[BACKWARD] = (2.0, 2.0)   # bob's backward cell now right: his total and its pass rate change
    after = _charts(write_class_report(tmp_path, ASSIGNMENT, results).read_text(encoding="utf-8"))
    assert before[0] != after[0] and before[1] != after[1]
    assert after == _charts(write_class_report(tmp_path / "fresh", ASSIGNMENT, results).read_text(encoding="utf-8"))


@pytest.mark.parametrize("damage", ["not json", "not an image", "not a mapping"])
def test_is_a_damaged_chart_cache_ignored(tmp_path, damage):
    page = write_class_report(tmp_path, ASSIGNMENT, small_class()).read_text(encoding="utf-8")
    cache = tmp_path / ".grading" / ASSIGNMENT / "report_charts.json"
    keys = list(json.loads(cache.read_text())["charts"])
    cache.write_text({"not json": "{not json",
                      "not an image": json.dumps({"charts": dict.fromkeys(keys, '" onerror="alert(1)')}),
                      "not a mapping": json.dumps({"charts": keys})}[damage])
    assert write_class_report(tmp_path, ASSIGNMENT, small_class()).read_text(encoding="utf-8") == page
