"""Does every honest but unusual submission get full marks through the real grading pipeline?

For each assignment, the class of tests/honest_class.py (helper cells and files, magics,
subclassed containers, moved, split and pasted cells, big outputs, many files, old nbformat,
jupytext, CRLF) is graded as one class by `python -m autograder grade` with the default workers:
real staging, nbgrader, sandboxed kernels and Dask. Every student gets every point; a flag the
screen raises on honest code reaches the instructor and never the student's feedback.
"""

import pytest

from autograder.__main__ import main
from autograder.grading.scores import REVIEW_PREFIX, read_scores
from tests import honest_class
from tests.conftest import make_course_root

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("assignment", list(honest_class.CLASS))
def test_does_every_honest_but_unusual_submission_get_full_marks(tmp_path, assignment):
    root = make_course_root(tmp_path)
    students = honest_class.hand_in(root, assignment)
    assert main(["grade", assignment, "--no-progress", "--root", str(root)]) == 0
    results = {result.student: result for result in read_scores(root, assignment)}
    assert sorted(results) == sorted(students)
    lost = {student: (result.total, result.reasons, result.notes) for student, result in results.items()
            if result.total[0] != result.total[1]}
    assert lost == {}, lost

    # The screen flags the magics and globals() for the instructor (table, report), with what
    # honest code does with them; the student's feedback neither flags nor names them.
    flagged = results[honest_class.MAGICS].review or ""
    assert "get_ipython" in flagged and "%timeit" in flagged, flagged
    page = (root / "feedback" / honest_class.MAGICS / assignment / f"{assignment}.html").read_text()
    assert REVIEW_PREFIX.strip() not in page and "get_ipython (" not in page
    for student, result in results.items():
        if not result.notes:
            page = (root / "feedback" / student / assignment / f"{assignment}.html").read_text()
            assert "Flagged for" not in page, student
