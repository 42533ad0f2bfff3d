"""Are the Gradescope results files exactly what Gradescope reads, and do the export commands work?
(golden output, no nbgrader run but for the CSV command's small gradebook)"""

import csv
import json
from datetime import datetime

import pytest

import autograder.grading.scores
from autograder.__main__ import main
from autograder.grading.export_gradescope import REVIEW_OUTPUT, gradescope_results, write_gradescope_results
from autograder.grading.scores import REVIEW_PREFIX, StudentScores
from autograder.nbgrader_course import REPO_ROOT, grading_environment
from tests.small_class import ASSIGNMENT, COST, small_class

GOLDEN = REPO_ROOT / "tests" / "golden" / "gradescope_regularization.json"


def ordered(text):
    """Parsed JSON whose objects are lists of (key, value) pairs, so that == also compares key order."""
    return json.loads(text, object_pairs_hook=list)


def test_is_each_results_json_the_golden_one_key_for_key_in_order(tmp_path):
    paths = write_gradescope_results(tmp_path, ASSIGNMENT, small_class())
    golden = dict(ordered(GOLDEN.read_text()))
    assert paths == [tmp_path / "exports" / "gradescope" / ASSIGNMENT / student / "results.json"
                     for student in ("ada", "bob", "cyd", "dan", "eve", "mal")]
    for path in paths:
        assert ordered(path.read_text()) == golden[path.parent.name], path.parent.name


def test_do_the_test_scores_add_up_to_the_score_as_json_numbers():
    for result in small_class():
        written = json.loads(json.dumps(gradescope_results(result)))
        numbers = [written["score"]] + [t[key] for t in written["tests"] for key in ("score", "max_score")]
        assert all(type(number) is float for number in numbers)
        assert sum(test["score"] for test in written["tests"]) == written["score"] == result.total[0]
        assert [test["name"] for test in written["tests"]] == list(result.points)
        # Gradescope marks a test passed when score == max_score: only failed tests say why.
        assert all((test["output"] == "") == (test["score"] == test["max_score"]) for test in written["tests"])


def test_does_the_student_see_the_notes_and_that_a_review_is_coming_but_not_what_was_flagged():
    result = StudentScores("zoe", {COST: (0.0, 1.0)}, {COST: "NotImplementedError"},
                           review=REVIEW_PREFIX + "cell 3: patches builtins.", notes=["First note.", "Second note."])
    output = gradescope_results(result)["output"]
    assert output == "\n".join(["First note.", "Second note.", REVIEW_OUTPUT])
    assert "builtins" not in output


@pytest.mark.parametrize("student", ["../ada", "a/b", "..", ""])
def test_is_a_student_id_that_would_leave_the_export_folder_refused(tmp_path, student):
    with pytest.raises(ValueError, match="plain folder name"):
        write_gradescope_results(tmp_path, ASSIGNMENT, [StudentScores(student, {COST: (1.0, 1.0)})])
    assert not (tmp_path / "exports" / "gradescope" / "ada").exists()


def test_does_export_to_gradescope_write_one_file_per_student_of_the_graded_class(tmp_path, monkeypatch, capsys):
    (tmp_path / "gradebook.db").touch()
    monkeypatch.setattr(autograder.grading.scores, "read_scores",
                        lambda root, name, db_url=None: small_class() if (root, name) == (tmp_path, ASSIGNMENT) else [])
    assert main(["export", ASSIGNMENT, "--to", "gradescope", "--root", str(tmp_path)]) == 0
    folder = tmp_path / "exports" / "gradescope" / ASSIGNMENT
    assert sorted(path.parent.name for path in folder.glob("*/results.json")) == ["ada", "bob", "cyd", "dan", "eve", "mal"]
    assert capsys.readouterr().out == f"wrote 6 results.json file(s) to {folder}\n"


def test_does_export_say_so_when_nothing_is_graded(tmp_path, monkeypatch, capsys):
    assert main(["export", ASSIGNMENT, "--to", "gradescope", "--root", str(tmp_path)]) == 1
    assert "no gradebook" in capsys.readouterr().err
    assert not (tmp_path / "gradebook.db").exists(), "the command must not create an empty gradebook"
    (tmp_path / "gradebook.db").touch()
    monkeypatch.setattr(autograder.grading.scores, "read_scores", lambda root, name, db_url=None: [])
    assert main(["export", ASSIGNMENT, "--to", "gradescope", "--root", str(tmp_path)]) == 1
    assert "no graded submissions" in capsys.readouterr().err
    assert not (tmp_path / "exports").exists()


def test_does_export_to_csv_write_nbgraders_csv_of_the_gradebook(course_root, capsys):
    from nbgrader.api import Gradebook

    with grading_environment(), Gradebook(f"sqlite:///{course_root / 'gradebook.db'}",
                                          "practical-deep-learning") as gradebook:   # finds nbgrader's alembic
        gradebook.add_assignment(ASSIGNMENT)
        for student in ("ada", "bob"):
            gradebook.add_student(student)
        gradebook.add_submission(ASSIGNMENT, "ada", timestamp=datetime(2024, 5, 6, 7, 8))
    assert main(["export", "no-such-assignment", "--to", "csv", "--root", str(course_root)]) == 1
    assert not (course_root / "grades.csv").exists()
    assert main(["export", ASSIGNMENT, "--to", "csv", "--root", str(course_root)]) == 0
    assert capsys.readouterr().out.endswith(f"wrote {course_root / 'grades.csv'}\n")
    rows = list(csv.DictReader((course_root / "grades.csv").open()))
    assert [(row["assignment"], row["student_id"], row["timestamp"] != "") for row in rows] == [
        (ASSIGNMENT, "ada", True), (ASSIGNMENT, "bob", False)]   # bob handed nothing in: nbgrader's 0
