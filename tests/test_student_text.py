"""Is every piece of text a student controls bounded, UTF-8-safe and free of control characters
before the grader's text handling, writers and terminal see it?

Quick tests of autograder.student_text and of the places that take a student's text in: the reply
of a call into the kernel (kernel_calls), file names in staging, the score table. The same
submissions graded end to end are in tests/test_stalling_class.py.
"""

import json
import os
import re
import time

import pytest

from autograder import student_text
from autograder.grading import kernel_calls
from autograder.grading.scores import StudentScores, failure_reason, format_table
from autograder.grading.stage import Staging, copy_regular_files, fingerprint
from course.checks.core import CheckFailure

# What a terminal acts on: C0 controls but newline, DEL, C1 controls (CSI is \x9b), bidi overrides.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORGED = "\x1b[2K\r\x1b[1A\x08\x08\x08\x07zzz_victim     1/1    2/2    4/4\n"
FORGED_NAME = "\x1b[2K\r\x1b[1A\x08\x07zzz_victim  4 of 4\n"   # a file name has no slash


def reply(**fields):
    """A user_expressions entry as the kernel leaves it for one call."""
    return {"status": "ok", "data": {"text/plain": repr(json.dumps(fields))}}


def call(**fields):
    """Call a KernelFunction whose kernel answers with `fields`; returns (result or error, printed, warnings)."""
    import contextlib
    import io
    import warnings

    function = kernel_calls.KernelFunction("f", lambda code: reply(**fields), kernel_calls.MAX_REPLY_BYTES
                                           if hasattr(kernel_calls, "MAX_REPLY_BYTES") else 16 * 2 ** 20)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            outcome = function()
        except kernel_calls.StudentException as error:
            outcome = error
    return outcome, printed.getvalue(), caught


def test_is_a_megabyte_exception_message_capped_before_the_checks_wrap_it():
    outcome, _, _ = call(raised=["ValueError", "x" * 4_000_000, "  File x\n" * 100_000])
    assert len(str(outcome)) <= kernel_calls.MAX_MESSAGE + 100
    assert len(outcome.kernel_traceback) <= kernel_calls.MAX_FRAMES + 100
    start = time.perf_counter()
    CheckFailure(f"f() raised ValueError: {outcome}")   # the checks' own wrapping of the sentence
    assert time.perf_counter() - start < 1


def test_are_hundreds_of_thousands_of_warnings_replayed_as_a_few():
    start = time.perf_counter()
    _, _, caught = call(returned=1, warned=[["UserWarning", f"w{i}"] for i in range(100_000)])
    assert len(caught) <= kernel_calls.MAX_WARNINGS + 1
    assert "more warnings, not shown" in str(caught[-1].message)
    assert time.perf_counter() - start < 10


def test_does_a_lone_surrogate_printed_or_raised_come_back_as_writable_text():
    outcome, printed, caught = call(raised=["E\udcff", "bad \udcff", ""], printed="out \udcff\ud800",
                                    warned=[["UserWarning", "w \udcff"]])
    for text in (str(outcome), printed, str(caught[0].message), type(outcome).__name__):
        text.encode("utf-8")
    assert "\\udcff" in str(outcome) or "\\xff" in str(outcome)


def test_are_terminal_controls_dropped_from_messages_prints_and_warnings():
    outcome, printed, caught = call(raised=["ValueError", "bad" + FORGED, FORGED], printed=FORGED,
                                    warned=[["UserWarning", FORGED]])
    for text in (str(outcome), outcome.kernel_traceback, printed, str(caught[0].message)):
        assert not CONTROL.search(text), repr(text)


def test_are_returned_strings_capped_and_writable():
    outcome, _, _ = call(returned={"dict": [["W1\udcff", "y" * 10_000_000]]})
    (key, value), = outcome.items()
    key.encode("utf-8")
    assert len(value) <= kernel_calls.MAX_STRING + 100


def test_does_student_text_cap_first_decode_and_strip():
    assert student_text.student_text("a" * 100, 40).startswith("a")
    assert len(student_text.student_text("a" * 10_000_000, 1000)) <= 1000 + 50
    assert student_text.student_text(b"caf\xc3\xa9 \xff") == "café \\xff"
    assert student_text.printable("ok\x1b[31mred\x07\x08\r\nnext\ttab") == "ok[31mred\nnext\ttab"
    assert student_text.one_line("a\n\nb \x1b c") == "a b c"
    assert student_text.file_name(os.fsdecode(b"notes\xff.txt")) == "notes\\xff.txt"
    assert student_text.file_name(b"\xfe\x1bname") == "\\xfename"


def test_does_a_non_utf8_file_name_get_a_fingerprint_and_a_readable_note(tmp_path):
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / os.fsdecode(b"data\xff.csv")).write_text("1,2\n")
    os.symlink("/etc/passwd", folder / os.fsdecode(b"link\xfe" + FORGED_NAME.encode()))
    assert len(fingerprint(folder)) == 64
    staged = tmp_path / "staged"
    staged.mkdir()
    left_out = copy_regular_files(folder, staged, Staging())
    assert len(left_out) == 1
    note = left_out[0]
    note.encode("utf-8")
    assert "link\\xfe" in note and not CONTROL.search(note) and "\n" not in note
    assert (staged / os.fsdecode(b"data\xff.csv")).read_text() == "1,2\n"


def test_can_no_student_forge_a_line_in_the_score_table():
    forger = StudentScores("mallory", points={"test_a": (0, 1), "test_b": (0, 2)},
                           reasons={"test_a": "ValueError: bad" + FORGED, "test_b": failure_reason_of(FORGED)},
                           review="Flagged for an instructor's review: " + FORGED,
                           notes=["Not graded, and not given to your code: x" + FORGED + " (a link to y)."])
    victim = StudentScores("zzz_victim", points={"test_a": (0, 1), "test_b": (0, 2)})
    table = format_table("regularization", [forger, victim])
    assert not CONTROL.search(table), repr(table)
    forged = [line for line in table.splitlines() if line.startswith("zzz_victim") and "4/4" in line]
    assert not forged, forged


def failure_reason_of(evalue):
    from nbformat import NotebookNode

    return failure_reason({"outputs": [NotebookNode(output_type="error", ename="CheckFailure", evalue=evalue,
                                                    traceback=[])]})


@pytest.mark.parametrize("text", ["plain", "tab\there", "é and 漢字", "x" * 5000])
def test_is_ordinary_text_kept_as_it_was(text):
    assert student_text.student_text(text) == text


def test_does_a_huge_test_cell_error_count_against_the_output_cap_and_still_fail_the_cell():
    from nbformat.v4 import new_code_cell

    from autograder.grading.execute import GraderExecute
    from autograder.grading.sandbox import Sandbox

    executor = GraderExecute()
    executor.sandbox = Sandbox()
    executor._output_left, executor._output_dropped, executor._kernel_stopped = 1000, False, None
    cell = new_code_cell("raise AssertionError('x' * 15_000_000)", metadata={"nbgrader": {"grade_id": "t"}})
    outputs = executor._run_test_cell(cell)
    errors = [output for output in outputs if output.output_type == "error"]
    assert len(errors) == 1 and errors[0].ename == "AssertionError"   # the cell still fails
    assert len(json.dumps(outputs)) < 4 * 1024
    assert executor._output_left == 0


def test_is_an_executed_notebook_with_lone_surrogates_in_its_outputs_writable():
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    cell = new_code_cell("print('\\udcff')")
    cell.outputs = [new_output("stream", name="stdout", text="\udcff\n"),
                    new_output("error", ename="E", evalue="\ud800", traceback=["\udcff"])]
    text = nbformat.writes(student_text.writable_outputs(new_notebook(cells=[cell])))
    assert nbformat.reads(text, as_version=4).cells[0].outputs[0].text == "\\xff\n"   # the byte, visible
