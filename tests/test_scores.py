"""Is the score table the main job prints right and readable? (golden output)"""

import nbformat

from autograder.grading.scores import StudentScores, failure_reason, format_table


def test_does_the_table_show_points_per_cell_totals_and_reasons():
    results = [
        StudentScores("ada", {"test_init_zeros": (1.0, 1.0), "test_init_he": (2.0, 2.0)}),
        StudentScores("bob", {"test_init_zeros": (1.0, 1.0), "test_init_he": (0.0, 2.0)},
                      {"test_init_he": "CheckFailure: W1 is too wide."}),
    ]
    assert format_table("initialization", results) == "\n".join([
        "initialization: points per student and test cell",
        "student  zeros     he  total",
        "----------------------------",
        "ada        1/1    2/2  3/3",
        "bob        1/1    0/2  1/3",
        "",
        "Why points were lost:",
        "  bob / he: CheckFailure: W1 is too wide.",
    ])


def test_does_an_empty_class_say_so():
    assert format_table("initialization", []) == "initialization: no graded submissions."


def test_is_the_reason_the_error_or_the_stderr_text():
    error = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "error", ename="CheckFailure", evalue="b1 is not zero.", traceback=[])])
    stderr = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("stream", name="stderr", text="oops\n  here\n")])
    assert failure_reason(error) == "CheckFailure: b1 is not zero."
    assert failure_reason(stderr) == "wrote to standard error: oops here"
