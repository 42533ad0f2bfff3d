"""Calling a student's function inside their kernel from the grader, with plain data both ways.

The hidden and visible checks run in the grader process. They receive a `KernelFunction` in place
of the student's function: calling it sends the arguments to the student's kernel, runs the
function there, and brings back what it returned, printed and warned, or the exception it raised.

Both directions use one wire format: JSON in which NumPy arrays and scalars travel as .npy bytes
(base64), tuples and dicts are tagged (subclasses such as OrderedDict or a namedtuple travel as
their plain base), and anything else arrives as an `Unreadable` stand-in that only keeps its
type's name. Arrays are loaded with allow_pickle=False, so a reply can never run
code in the grader; an array subclass arrives as a plain array, so it cannot lie about equality.
The reply's size is limited before it is parsed, and every string a student controls in it (the
exception's name, message and traceback, what was printed and warned, strings returned) is capped
and made UTF-8-safe by autograder.student_text as soon as it is read: nothing after this module
(the checks' text wrapping, the notebook writer, the score table) ever sees megabytes of one word,
lone surrogates or terminal control characters.
"""

import ast
import base64
import io
import json
import keyword

import numpy as np

from autograder import student_text

# The helper that runs calls in the student's kernel. It is sent once per kernel, before the first
# call (nothing of the grader is importable in the sandbox), and it is self-contained: the student's
# code may have replaced anything in the kernel, this helper included, which can only change what
# this one student's function returns. Each call is then one short line (IPython's handling of a
# cell costs milliseconds per kilobyte of code).
KERNEL_HELPER = r'''
def _grader_call(name, request):
    import base64, contextlib, io, json, traceback, warnings
    import numpy

    def decode(node):
        if isinstance(node, list):
            return [decode(item) for item in node]
        if isinstance(node, dict):
            if "npy" in node:
                return numpy.load(io.BytesIO(base64.b64decode(node["npy"])), allow_pickle=False)[()]
            if "tuple" in node:
                return tuple(decode(item) for item in node["tuple"])
            if "dict" in node:
                return {decode(key): decode(value) for key, value in node["dict"]}
        return node

    def encode(value):
        # Subclasses of the plain containers (OrderedDict, namedtuple, ...) travel as their plain
        # base, read through the base's own methods so that an override cannot change what is sent.
        if value is None or type(value) in (bool, int, float, str):
            return value
        if isinstance(value, (numpy.ndarray, numpy.generic)):
            buffer = io.BytesIO()
            numpy.save(buffer, numpy.asarray(value), allow_pickle=False)
            return {"npy": base64.b64encode(buffer.getvalue()).decode("ascii"), "scalar": isinstance(value, numpy.generic)}
        if isinstance(value, str):
            return str.__str__(value)
        if isinstance(value, list):
            return [encode(item) for item in list.__iter__(value)]
        if isinstance(value, tuple):
            return {"tuple": [encode(item) for item in tuple.__iter__(value)]}
        if isinstance(value, dict):
            return {"dict": [[encode(key), encode(item)] for key, item in dict.items(value)]}
        return {"unreadable": type(value).__name__}

    reply = {}
    function = globals().get(name)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed), \
            warnings.catch_warnings(record=True) as caught, numpy.errstate(all="warn"):
        warnings.simplefilter("always")
        try:
            if function is None:
                raise NameError(f"name {name!r} is not defined: run the cell that defines it")
            result = function(*decode(json.loads(request)))
            reply["returned"] = encode(result)
        except BaseException as error:
            frames = traceback.extract_tb(error.__traceback__)[1:]
            reply["raised"] = [type(error).__name__, str(error),
                               "".join(traceback.format_list(frames)) if frames else ""]
    reply["printed"] = printed.getvalue()
    # The first warnings only (a function can add 800k to the record at no cost); the grader caps
    # them again, as this helper can be changed by the student's code.
    reply["warned"] = [[type(w.message).__name__ if isinstance(w.message, Warning) else w.category.__name__,
                        str(w.message)[:4096]] for w in caught[:200]]
    reply["warned_more"] = max(0, len(caught) - 200)
    return json.dumps(reply)
'''
REPLY_EXPRESSION = "_grader_reply"
# Most of what one call printed that is passed on to the checks (and so to the test cell's output).
MAX_PRINTED = 16 * 2 ** 10
# Most characters kept of an exception message or of one warning. The checks wrap what they quote
# with textwrap, which is quadratic in the length of a word: a 4 MB message took 21 s.
MAX_MESSAGE = 4 * 2 ** 10
# Most characters kept of the student's traceback, and of a string the function returned.
MAX_FRAMES = 16 * 2 ** 10
MAX_STRING = 64 * 2 ** 10
# Most distinct warnings of one call passed on (800k replayed warnings took 95 s of a worker).
MAX_WARNINGS = 50
MAX_WARNINGS_READ = 1000


class Unreadable:
    """A value the student's function returned that cannot travel as plain data (a custom object)."""

    def __repr__(self):
        return f"<{type(self).__name__} object>"


class KernelCallFailed(RuntimeError):
    """The call could not be made or did not come back (dead kernel, timeout, unreadable reply)."""


def _identifier(name, fallback):
    name = str(name)[:student_text.MAX_NAME]
    return name if name.isidentifier() and not keyword.iskeyword(name) else fallback


def _named_type(name, base):
    """A fresh class called `name` (the student's type or exception name) derived from base."""
    return type(_identifier(name, base.__name__), (base,), {"__module__": "student"})


def _warnings(warned, more=0):
    """The distinct (category, message) pairs of a reply's warnings, at most MAX_WARNINGS of them, each
    message capped, read from the first MAX_WARNINGS_READ entries only (a forged reply can hold
    hundreds of thousands); one more pair says how many were left out. `more`: how many the kernel
    left out of the reply."""
    if not isinstance(warned, list) or not isinstance(more, int):
        raise ValueError("bad warnings")
    kept, left_out = {}, more + max(0, len(warned) - MAX_WARNINGS_READ)
    for entry in warned[:MAX_WARNINGS_READ]:
        category, message = entry   # ValueError or TypeError when malformed
        if not isinstance(category, str) or not isinstance(message, str):
            raise ValueError("bad warning")
        pair = (category[:student_text.MAX_NAME], message[:MAX_MESSAGE])
        if pair in kept:
            continue
        if len(kept) < MAX_WARNINGS:
            kept[pair] = None
        else:
            left_out += 1
    pairs = [(category, student_text.student_text(message, MAX_MESSAGE)) for category, message in kept]
    if left_out:
        pairs.append(("UserWarning", f"... and {left_out} more warnings, not shown"))
    return pairs


def encode(value):
    """`value` (arrays, numbers, strings, lists, tuples, dicts of them) as wire-format JSON text."""
    def walk(node):
        if node is None or type(node) in (bool, int, float, str):
            return node
        if isinstance(node, (np.ndarray, np.generic)):
            buffer = io.BytesIO()
            np.save(buffer, np.asarray(node), allow_pickle=False)
            return {"npy": base64.b64encode(buffer.getvalue()).decode("ascii"), "scalar": isinstance(node, np.generic)}
        if isinstance(node, list):
            return [walk(item) for item in node]
        if isinstance(node, tuple):
            return {"tuple": [walk(item) for item in node]}
        if isinstance(node, dict):
            return {"dict": [[walk(key), walk(item)] for key, item in node.items()]}
        raise TypeError(f"cannot send a {type(node).__name__} to the kernel")
    return json.dumps(walk(value))


# Array dtypes a reply may carry: booleans and numbers (no objects, no structured records).
READABLE_KINDS = set("biufc")


def decode(node):
    """The Python value of a parsed wire-format JSON node (see encode); arrays stay NumPy arrays and
    NumPy scalars stay NumPy scalars, so a check sees the same types the student's function made.
    Strings are capped (MAX_STRING) and made UTF-8-safe: a check may quote them."""
    if isinstance(node, list):
        return [decode(item) for item in node]
    if isinstance(node, str):
        return student_text.decoded(student_text.capped(node, MAX_STRING))
    if not isinstance(node, dict):
        return node
    if "npy" in node:
        array = np.load(io.BytesIO(base64.b64decode(node["npy"], validate=True)), allow_pickle=False)
        if array.dtype.kind not in READABLE_KINDS:
            return _named_type(f"ndarray_of_{array.dtype.kind}", Unreadable)()
        return array[()] if node.get("scalar") else array
    if "tuple" in node:
        return tuple(decode(item) for item in node["tuple"])
    if "dict" in node:
        result = {}
        for key, value in node["dict"]:
            key = decode(key)
            result[key if isinstance(key, (str, int, float, bool, tuple, type(None))) else repr(key)] = decode(value)
        return result
    if "unreadable" in node:
        return _named_type(node["unreadable"], Unreadable)()
    raise ValueError("unknown node")


def call_code(name, args):
    """The line that calls the kernel's `name` on `args` through KERNEL_HELPER (which must have
    run in that kernel) and leaves the reply in REPLY_EXPRESSION."""
    return f"{REPLY_EXPRESSION} = _grader_call({name!r}, {encode(list(args))!r})"


def read_reply(user_expression, max_bytes):
    """The reply dict of one call, from the execute reply's user_expressions entry.

    Raises KernelCallFailed when it is missing, too large or not in the wire format.
    """
    if not isinstance(user_expression, dict) or user_expression.get("status") != "ok":
        raise KernelCallFailed("the call left no reply in the kernel")
    text = user_expression.get("data", {}).get("text/plain", "")
    if not isinstance(text, str) or len(text) > max_bytes:
        raise KernelCallFailed(f"the reply is larger than {max_bytes // 2 ** 20} MiB")
    try:
        reply = json.loads(ast.literal_eval(text))
        if not isinstance(reply, dict):
            raise ValueError("not a dict")
        returned = decode(reply["returned"]) if "returned" in reply else None
        raised = reply.get("raised")
        if raised is not None and not (isinstance(raised, list) and len(raised) == 3 and all(isinstance(x, str) for x in raised)):
            raise ValueError("bad exception")
        if raised is not None:
            name, message, frames = raised
            raised = [name[:student_text.MAX_NAME], student_text.student_text(message, MAX_MESSAGE),
                      student_text.student_text(frames, MAX_FRAMES)]
        printed = reply.get("printed", "")
        if not isinstance(printed, str):
            raise ValueError("bad output")
        printed = student_text.student_text(printed, MAX_PRINTED)
        warned = _warnings(reply.get("warned", []), reply.get("warned_more", 0))
    except (ValueError, SyntaxError, TypeError, KeyError, RecursionError, MemoryError) as error:
        raise KernelCallFailed(f"the reply could not be read ({type(error).__name__})") from None
    return {"returned": returned, "raised": raised, "printed": printed, "warned": warned}


class StudentException(Exception):
    """Base of the exceptions re-raised in the grader for an exception of the student's function;
    the subclass carries the student's exception name, `kernel_traceback` the student's frames."""

    kernel_traceback = ""


class KernelFunction:
    """Stands in for the student's function `name` in a test cell run by the grader.

    Calling it runs the function in the student's kernel through `run(code) -> user_expression`.
    What the function printed is printed here and its warnings are warned here, so the checks'
    call_student reports them as usual; an exception is re-raised as a StudentException subclass
    of the same name.
    """

    def __init__(self, name, run, max_reply_bytes):
        self.__name__ = self.__qualname__ = name
        self._run, self._max_reply_bytes = run, max_reply_bytes

    def __repr__(self):
        return f"<function {self.__name__}>"

    def __call__(self, *args):
        import warnings

        reply = read_reply(self._run(call_code(self.__name__, args)), self._max_reply_bytes)
        printed = reply["printed"]   # capped by read_reply
        if printed:
            print(printed, end="")
        categories = {}
        for category, message in reply["warned"]:
            if category not in categories:
                categories[category] = _named_type(category, UserWarning)
            warnings.warn(message, categories[category], stacklevel=2)
        if reply["raised"] is not None:
            name, message, frames = reply["raised"]
            error = _named_type(name, StudentException)(message)
            error.kernel_traceback = frames
            raise error
        return reply["returned"]
