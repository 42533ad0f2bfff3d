"""Text a student controls, made safe for everything the grading process does with it.

A submission controls many strings the grader handles: its exception messages and tracebacks,
what its functions print and warn, the names of its types, files and links. Any of them can be
megabytes long (the grader's own text wrapping is quadratic in a word's length), hold lone
surrogates that no UTF-8 writer accepts (an executed notebook, a JSON ledger), be bytes that are
not UTF-8 at all (file names), or carry control characters that move an instructor's terminal
cursor (ESC, BEL, backspace, carriage return: a forged line in the score table).

So every such string goes through this module as soon as it reaches the grader:
- `capped(text, limit)` keeps its start and end, and says how much was dropped;
- `decoded(value)` makes any str, bytes or path a str that encodes to UTF-8 (surrogates and
  undecodable bytes become visible escapes);
- `printable(text)` drops control characters, keeping newlines and tabs;
- `student_text` does all three (cap first, so nothing else ever touches the whole string), and
  `one_line` also folds whitespace, for the score table, CSV cells and log lines;
- `file_name(path)` is a path as a student named it, safe for notes.
"""

import os
import re

# Default caps, in characters.
MAX_TEXT = 16 * 2 ** 10
MAX_LINE = 2 * 2 ** 10
MAX_NAME = 200

# C0 and C1 control characters except tab and newline, DEL, and the bidirectional overrides and
# isolates (they reorder what a terminal or page shows, so a line can read as another student's).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def capped(text, limit=MAX_TEXT):
    """`text` if it has at most `limit` characters, else its start and end around a marker."""
    if len(text) <= limit:
        return text
    marker = f" [... {len(text) - limit} characters dropped ...] "
    keep = max(0, limit - len(marker))
    return text[:keep - keep // 2] + marker + text[len(text) - keep // 2:]


def decoded(value):
    """`value` (str, bytes or a path) as a str that encodes to UTF-8: undecodable bytes and lone
    surrogates become backslash escapes (\\udcff, \\xff), visible to whoever reads them."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "backslashreplace")
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
        if isinstance(value, bytes):
            return value.decode("utf-8", "backslashreplace")
    value = value if isinstance(value, str) else str(value)
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        # A name read with surrogateescape holds its raw bytes as surrogates: show the bytes.
        raw = value.encode("utf-8", "surrogateescape") if _only_escaped_bytes(value) else None
        if raw is not None:
            return raw.decode("utf-8", "backslashreplace")
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _only_escaped_bytes(value):
    return all(not 0xD800 <= ord(ch) <= 0xDFFF or 0xDC80 <= ord(ch) <= 0xDCFF for ch in value)


def printable(text):
    """`text` without control characters (newlines and tabs stay; a carriage return becomes a
    newline, so it cannot overwrite the start of a line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def student_text(value, limit=MAX_TEXT):
    """Any student-controlled value as a bounded, UTF-8-safe, printable str. The cap comes first:
    nothing after it ever handles more than `limit` characters."""
    if isinstance(value, (bytes, bytearray)) and len(value) > 4 * limit:
        value = bytes(value[:2 * limit]) + bytes(value[-2 * limit:])
    text = value if isinstance(value, str) else decoded(value)
    return printable(decoded(capped(text, limit)))


def one_line(value, limit=MAX_LINE):
    """`value` as student_text on one line: every run of whitespace (newlines included) becomes one
    space. For the score table, log lines and CSV cells."""
    return " ".join(student_text(value, 4 * limit).split())[:limit]


def file_name(path, limit=MAX_NAME):
    """A file name or relative path from a submission, as text safe for a note: non-UTF-8 bytes
    show as \\xNN, control characters are dropped, long names are shortened."""
    text = decoded(path)
    return capped(printable(text).replace("\n", " "), limit)


def writable_outputs(notebook):
    """Make every string in the outputs of `notebook`'s cells encode to UTF-8, in place (a lone
    surrogate printed by a student's code made writing the executed notebook fail, and with it
    the student's verdict). Control characters stay: a notebook keeps IPython's ANSI colours, and
    the HTML conversion escapes them. Returns the notebook."""
    def walk(node):
        if isinstance(node, str):
            return decoded(node)
        if isinstance(node, list):
            node[:] = [walk(item) for item in node]
        elif isinstance(node, dict):
            for key in list(node):
                node[key] = walk(node[key])
        return node

    for cell in notebook.get("cells", []):
        if "outputs" in cell:
            walk(cell["outputs"])
    return notebook
