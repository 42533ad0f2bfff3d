"""Does the main job (python -m autograder demo) grade every assignment's demo class as promised?"""

import pytest

from autograder.assignments import names
from autograder.demo import run_demo
from autograder.grading.scores import read_scores


@pytest.mark.slow
def test_does_the_demo_give_full_marks_partial_marks_with_reasons_and_zero(tmp_path, capsys):
    run_demo(tmp_path / "demo")
    printed = capsys.readouterr().out
    assert "DIFFERENT" not in printed and printed.count("identical to the committed release/") == len(names())
    for assignment in names():
        scores = {result.student: result for result in read_scores(tmp_path / "demo", assignment)}
        assert set(scores) == {"ada_correct", "bob_buggy", "cyd_untouched"}
        full = scores["ada_correct"].total[1]
        assert scores["ada_correct"].total == (full, full), assignment
        assert scores["cyd_untouched"].total == (0, full), assignment
        bob = scores["bob_buggy"]
        assert bob.total[0] < full and len(bob.reasons) >= 2, assignment
        assert all(reason.startswith("CheckFailure: ") for reason in bob.reasons.values())
    assert (tmp_path / "demo" / "grades.csv").is_file()
