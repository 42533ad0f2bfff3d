"""What every check shares: the failure type, calling student code safely, and reporting.

Every check raises CheckFailure with one sentence that says what is wrong, or prints what passed.
Student code is always called through `call_student`, so that a print or a NumPy warning inside a
correct solution is shown on standard output and never lands on standard error (nbgrader gives zero
points to a test cell that writes anything to standard error).
"""

import contextlib
import copy
import io
import textwrap
import warnings

import numpy as np

# `nbgrader validate` prints each line of a failure indented by 4 and cuts it after 83 characters
# (its Validator.width of 90, less 3 for "..."), and the first line also starts with "CheckFailure: ".
# Wrapped to this width, the whole sentence shows there, as it does in JupyterLab.
VALIDATE_LINE_WIDTH = 83
FIRST_LINE_PREFIX = "CheckFailure: "


def wrap_for_validate(sentence):
    """The sentence broken into lines that `nbgrader validate` prints whole."""
    lines = textwrap.wrap(sentence, width=VALIDATE_LINE_WIDTH, initial_indent=" " * len(FIRST_LINE_PREFIX),
                          break_on_hyphens=False)
    return "\n".join(lines).lstrip(" ")


class CheckFailure(AssertionError):
    """A check found a problem; the message is one sentence meant for the student.

    sentence: the message on one line; str() gives it wrapped to fit `nbgrader validate`.
    """

    def __init__(self, sentence):
        self.sentence = " ".join(str(sentence).split())
        super().__init__(wrap_for_validate(self.sentence))


# Every check sets __tracebackhide__, so a failure's traceback shows the student only `fail` and
# the message; `cause` chains the student's own exception, whose traceback stays visible.
def fail(message, cause=None):
    """Stop the check: raise CheckFailure(message)."""
    raise CheckFailure(message) from cause


def describe_call(function, *args):
    """`name(arg, ...)` as a student would write the call, for messages."""
    return f"{getattr(function, '__name__', 'your function')}({', '.join(repr(a) for a in args)})"


def call_student(function, *args, call=None):
    """Call a student's function with its prints and warnings kept off standard error.

    Returns whatever the function returns. If it raises, fail with a sentence naming the call and
    the exception. Whatever it wrote to stdout or stderr, and any warning, is echoed on stdout.
    call: how to name the call in messages (default: the function and the repr of the arguments,
    which suits small arguments such as layer sizes, not arrays)
    """
    __tracebackhide__ = True
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured), \
            warnings.catch_warnings(record=True) as caught, np.errstate(all="warn"):
        warnings.simplefilter("always")
        try:
            # A copy, so a function that changes its argument (layers_dims.pop()) cannot change ours.
            result = function(*copy.deepcopy(args))
        except Exception as error:  # any failure of student code is reported the same way
            outcome = error
        else:
            outcome = None
    call = call or describe_call(function, *args)
    output = captured.getvalue()
    if output.strip():
        print(f"[{call} printed]\n{output.rstrip()}")
    for warning in caught:
        print(f"[{call} warned] {warning.category.__name__}: {warning.message}")
    if outcome is not None:
        detail = " ".join(str(outcome).split())
        fail(f"{call} raised {type(outcome).__name__}"
             + (f" ({detail.rstrip('.')})." if detail else "."), cause=outcome)
    return result


def passed(message):
    """Print one line saying what a check found right."""
    print(f"\u2714 {message}")
