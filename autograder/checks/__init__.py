"""Hidden tests, one module per assignment: autograder.checks.<assignment>.grade_<function>.

Each grade_<function> fails with one sentence (course.checks.fail) or ends with hidden_tests_passed().
"""

PASSED_LINE = "\u2714 hidden tests passed"


def hidden_tests_passed():
    """The line a test cell prints when the hidden tests of its function found nothing wrong."""
    print(PASSED_LINE)
