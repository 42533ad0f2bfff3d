"""Does a class with submissions made to stall or stop the grader finish in its normal time, with a
verdict for everyone and a score table nobody can forge?

Each of these once stopped or stalled a whole `grade` run (issue 24):
- an exception message of several MB with no spaces (the checks' text wrapping is quadratic);
- a file whose name is not UTF-8 (the ledger's fingerprint failed outside per-student handling);
- a lone surrogate printed by a student's function (writing the executed notebook failed);
- 800k warnings from one call, added straight to the list that records them (each was replayed
  in the grader);
- ESC, BEL and backspace in an exception message and in a left-out file's name, printed raw in the
  score table, where they forged a line `zzz_victim ... 3/3` under the forger's own.
They are graded with an honest classmate and the victim through `python -m autograder grade`
(real nbgrader, sandboxed kernels, Dask workers).
"""

import csv
import os
import re
import time

import pytest

from autograder.__main__ import main
from autograder.grading.ledger import Ledger
from autograder.grading.scores import read_scores
from tests import messy_class
from tests.conftest import make_course_root
from tests.messy_class import CORRECT, COST, index_of, notebook, write

pytestmark = pytest.mark.slow
ASSIGNMENT = "regularization"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORGE = "\\x1b[2K\\r\\x1b[1A\\x08\\x08\\x07zzz_victim       0/1      0/2  3/3"
# An honest submission takes about 10 s of a worker on a loaded two-core machine; before, the huge
# message alone took 21 s per 4 MB per call of the student's function, the warnings 95 s.
SECONDS_PER_SUBMISSION = 60


def with_cost(folder, code):
    nb = notebook()
    nb.cells[index_of(nb, COST)].source = code
    write(folder, nb)


def huge_message(folder):
    with_cost(folder, f"def {COST}(A3, Y, parameters, lambd):\n    raise ValueError('x' * 6_000_000)\n")


def non_utf8_file_name(folder):
    messy_class.honest(folder)
    (folder / os.fsdecode(b"notes-\xff\xfe.txt")).write_text("my notes\n")


def prints_lone_surrogate(folder):
    with_cost(folder, CORRECT[COST].replace("    return ", "    print('\\udcff', '\\ud800')\n    return ", 1))


def warning_flood(folder):
    # Cheap for the kernel: the function adds 800k warnings straight to the list that records them.
    # (a one-letter category keeps the reply under its 16 MiB limit)
    flood = ("    import warnings\n    record = getattr(warnings._showwarnmsg_impl, '__self__', None)\n"
             "    W = type('W', (UserWarning,), {})\n"
             "    if isinstance(record, list):\n"
             "        record.extend([warnings.WarningMessage(W(''), W, '', 0)] * 800_000)\n")
    with_cost(folder, CORRECT[COST].replace("    return ", flood + "    return ", 1))


def forges_the_table(folder):
    with_cost(folder, f"def {COST}(A3, Y, parameters, lambd):\n    raise ValueError('bad' + '{FORGE}')\n")
    os.symlink("elsewhere", folder / ("link" + FORGE.encode().decode("unicode_escape").replace("/", " of ")))


CLASS = {
    "honest_ada": messy_class.honest,
    "huge_message": huge_message,
    "non_utf8_file_name": non_utf8_file_name,
    "prints_lone_surrogate": prints_lone_surrogate,
    "warning_flood": warning_flood,
    "forges_the_table": forges_the_table,
    "zzz_victim": messy_class.untouched,
}


def test_does_a_class_of_stalling_submissions_finish_in_time_with_a_verdict_for_everyone(tmp_path, capsys):
    root = make_course_root(tmp_path)
    with open(root / "nbgrader_config.py", "a") as config:
        config.write(messy_class.CONFIG)
    for student, hand_in in CLASS.items():
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        hand_in(folder)

    start = time.monotonic()
    assert main(["grade", ASSIGNMENT, "--root", str(root), "--no-progress"]) == 0
    took = time.monotonic() - start
    printed = capsys.readouterr().out

    found = {r.student: r for r in read_scores(root, ASSIGNMENT)}
    assert sorted(found) == sorted(CLASS)
    totals = {student: result.total[0] for student, result in found.items()}
    assert totals["honest_ada"] == totals["non_utf8_file_name"] == totals["prints_lone_surrogate"] == 3, totals
    assert totals["huge_message"] == totals["forges_the_table"] == 2 and totals["zzz_victim"] == 0, totals
    assert "raised ValueError (xxxx" in found["huge_message"].reasons[f"test_{COST}"]
    seconds = Ledger(root, ASSIGNMENT).seconds()   # each submission's time on its worker
    assert max(seconds.values()) < SECONDS_PER_SUBMISSION and took < SECONDS_PER_SUBMISSION * len(CLASS), (took, seconds)

    # nothing a student wrote outgrows its limits: the notebook (16 MiB of output), feedback, report
    for student in CLASS:
        assert (root / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").stat().st_size < 2 ** 20
        assert (root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").stat().st_size < 2 ** 20
    assert (root / "reports" / f"{ASSIGNMENT}.html").stat().st_size < 2 ** 20
    assert max(map(len, printed.splitlines())) < 4 * 2 ** 10

    # the instructor's terminal, grades.csv and the report carry no control character of a student's
    assert not CONTROL.search(printed), [line for line in printed.splitlines() if CONTROL.search(line)][:3]
    assert not [line for line in printed.splitlines() if line.startswith("zzz_victim") and "3/3" in line]
    assert "link" in " ".join(found["forges_the_table"].notes)
    grades = (root / "grades.csv").read_text()
    assert not CONTROL.search(grades.replace("\r\n", "").replace("\n", ""))
    with open(root / "grades.csv", newline="") as stream:
        assert {row["student_id"] for row in csv.DictReader(stream)} == set(CLASS)
    assert not CONTROL.search((root / "reports" / f"{ASSIGNMENT}.html").read_text().replace("\n", ""))
