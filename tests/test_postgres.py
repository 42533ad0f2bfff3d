"""Does grading work the same with its gradebook on PostgreSQL as on the embedded SQLite?

Quick tests ask where the gradebook URL comes from (autograder.nbgrader_course.gradebook_url);
the others use a real PostgreSQL server that the suite starts itself (tests/postgres.py) and grade
a small class into it through the pipeline.
"""

import pytest

from autograder import __main__ as cli
from autograder.catalogue.loader import CATALOGUE_DIR
from autograder.grading import pipeline
from autograder.grading.scores import read_scores
from autograder.nbgrader_course import (
    REPO_ROOT,
    copy_course_root,
    gradebook_url,
    grading_environment,
    load_course_config,
    open_course,
)
from autograder.solutions import reference_answers
from autograder.submissions import code_without_docstring, fill_solutions, write_submission
from tests import postgres

POSTGRES_URL = "postgresql://grader@/gradebook?host=/run/postgresql"


def write_config(root, *lines):
    """An nbgrader_config.py in `root` with these `c.` lines."""
    (root / "nbgrader_config.py").write_text("c = get_config()\n" + "".join(line + "\n" for line in lines))
    return root


# --- quick: where the gradebook is ------------------------------------------------------------------

def test_is_the_gradebook_sqlite_in_the_course_root_when_nothing_is_configured(tmp_path):
    write_config(tmp_path, 'c.CourseDirectory.course_id = "x"')
    assert gradebook_url(tmp_path) == f"sqlite:///{tmp_path.resolve() / 'gradebook.db'}"


def test_is_the_repositorys_relative_sqlite_url_read_relative_to_the_course_root_wherever_we_run(
        course_root, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert gradebook_url(course_root) == f"sqlite:///{course_root.resolve() / 'gradebook.db'}"
    assert gradebook_url(REPO_ROOT) == f"sqlite:///{REPO_ROOT / 'gradebook.db'}"


def test_does_a_db_url_configured_in_nbgrader_config_win_over_the_default(tmp_path):
    write_config(tmp_path, f'c.CourseDirectory.db_url = "{POSTGRES_URL}"')
    assert gradebook_url(tmp_path) == POSTGRES_URL


def test_does_an_explicit_db_url_win_over_the_configured_one(course_root):
    assert gradebook_url(course_root, db_url=POSTGRES_URL) == POSTGRES_URL


def test_does_gradebook_url_use_a_config_it_is_given_instead_of_reading_the_file(course_root):
    config = load_course_config(course_root)
    config.CourseDirectory.db_url = POSTGRES_URL
    assert gradebook_url(course_root, config) == POSTGRES_URL


def test_does_load_course_config_keep_a_configured_url(tmp_path):
    write_config(tmp_path, f'c.CourseDirectory.db_url = "{POSTGRES_URL}"')
    assert load_course_config(tmp_path).CourseDirectory.db_url == POSTGRES_URL


def test_does_open_course_hand_nbgrader_the_db_url_it_is_given(course_root):
    assert open_course(course_root, db_url=POSTGRES_URL).coursedir.db_url == POSTGRES_URL
    assert open_course(course_root).coursedir.db_url == f"sqlite:///{course_root.resolve() / 'gradebook.db'}"


def test_does_read_scores_open_the_gradebook_it_is_given_and_not_the_course_roots(course_root, tmp_path_factory):
    other = tmp_path_factory.mktemp("other") / "other.db"
    with grading_environment():   # nbgrader runs alembic when it creates a gradebook
        assert read_scores(course_root, "regularization", db_url=f"sqlite:///{other}") == []
    assert other.exists() and not (course_root / "gradebook.db").exists()


def test_does_grade_pass_its_db_url_option_through_to_the_pipeline(course_root, monkeypatch):
    calls = []

    def fake_grade(*args, **kwargs):
        calls.append(kwargs)
        return pipeline.GradingRun(course_root, "regularization", [], api=None)

    monkeypatch.setattr(pipeline, "grade", fake_grade)
    assert cli.main(["grade", "regularization", "--root", str(course_root), "--db-url", POSTGRES_URL]) == 0
    assert cli.main(["grade", "regularization", "--root", str(course_root)]) == 0
    assert [call["db_url"] for call in calls] == [POSTGRES_URL, None]


def test_does_release_pass_its_db_url_option_through_to_the_pipeline(course_root, monkeypatch):
    # The release records the assignment's cells in the gradebook, where grading looks for them.
    calls = []
    monkeypatch.setattr(pipeline, "generate_release", lambda root, name, db_url=None: calls.append(db_url) or root)
    assert cli.main(["release", "regularization", "--root", str(course_root), "--db-url", POSTGRES_URL]) == 0
    assert calls == [POSTGRES_URL]


# --- quick: the test server itself ------------------------------------------------------------------

def fake_servers(root, *versions):
    """A /usr/lib/postgresql look-alike holding these versions' initdb and pg_ctl."""
    for version in versions:
        (root / version / "bin").mkdir(parents=True)
        for program in ("initdb", "pg_ctl"):
            (root / version / "bin" / program).touch()
    return root


def test_is_the_newest_installed_postgresql_the_one_the_tests_start(tmp_path):
    assert postgres.server_bindir(fake_servers(tmp_path, "9", "15", "13")) == tmp_path / "15" / "bin"


def test_does_a_missing_postgresql_fail_in_ci_and_only_skip_elsewhere_naming_the_install_script(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"bash autograder/install_system_packages\.sh"):
        postgres.require_server_bindir(tmp_path)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match=r"bash autograder/install_system_packages\.sh"):
        postgres.require_server_bindir(tmp_path)


def test_does_nbgrader_create_its_gradebook_tables_in_a_fresh_postgresql_database(postgres_url):
    from nbgrader.api import Gradebook
    from sqlalchemy import create_engine, inspect

    with grading_environment(), Gradebook(postgres_url) as gradebook:   # (alembic on PATH)
        gradebook.add_student("ada")
    engine = create_engine(postgres_url)
    try:
        assert {"student", "grade", "alembic_version"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


# --- slow: a class graded into PostgreSQL -----------------------------------------------------------

ASSIGNMENT = "regularization"


def hand_in_class(course_root, release):
    """Three submissions of the regularization assignment; returns {student: expected points per test}."""
    reference = reference_answers(ASSIGNMENT)
    buggy = dict(reference, compute_cost_with_regularization=code_without_docstring(
        CATALOGUE_DIR / ASSIGNMENT / "compute_cost_with_regularization" / "bug_lambd_over_m.py"))
    for student, answers in {"correct": reference, "buggy": buggy, "untouched": {}}.items():
        write_submission(course_root, ASSIGNMENT, student, {release.name: fill_solutions(release, answers)})
    return {"correct": {"test_compute_cost_with_regularization": 1, "test_backward_propagation_with_regularization": 2},
            "buggy": {"test_compute_cost_with_regularization": 0, "test_backward_propagation_with_regularization": 2},
            "untouched": {"test_compute_cost_with_regularization": 0, "test_backward_propagation_with_regularization": 0}}


def total_scores_in_database(url):
    """{student: total autograded score} queried straight from the gradebook's tables."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT student.id, SUM(grade.auto_score) FROM grade"
                " JOIN submitted_notebook ON grade.notebook_id = submitted_notebook.id"
                " JOIN submitted_assignment ON submitted_notebook.assignment_id = submitted_assignment.id"
                " JOIN student ON submitted_assignment.student_id = student.id"
                " GROUP BY student.id")).all()
    finally:
        engine.dispose()
    return {student: float(total) for student, total in rows}


@pytest.mark.slow
def test_does_a_class_graded_with_a_postgresql_url_get_its_scores_there_and_no_sqlite_file(course_root, postgres_url,
                                                                                          tmp_path_factory):
    release = pipeline.generate_release(course_root, ASSIGNMENT, db_url=postgres_url) / f"{ASSIGNMENT}.ipynb"
    expected = hand_in_class(course_root, release)
    run = pipeline.grade(course_root, ASSIGNMENT, db_url=postgres_url)

    assert run.not_graded == {}
    scores = {result.student: result for result in read_scores(course_root, ASSIGNMENT, db_url=postgres_url)}
    assert {student: {g: score for g, (score, _) in result.points.items()} for student, result in scores.items()} == expected
    assert total_scores_in_database(postgres_url) == {student: sum(points.values()) for student, points in expected.items()}
    assert not (course_root / "gradebook.db").exists()
    assert len((course_root / "grades.csv").read_text().strip().splitlines()) == 1 + len(expected)
    # The report and both exports read the same gradebook; without its URL there is none to read.
    from autograder.__main__ import main

    (course_root / "grades.csv").unlink()
    for command in (["report", ASSIGNMENT], ["export", ASSIGNMENT, "--to", "csv"],
                    ["export", ASSIGNMENT, "--to", "gradescope"]):
        assert main(command + ["--root", str(course_root), "--db-url", postgres_url]) == 0, command
    assert (course_root / "reports" / f"{ASSIGNMENT}.html").is_file()
    assert len((course_root / "grades.csv").read_text().strip().splitlines()) == 1 + len(expected)
    assert len(list((course_root / "exports" / "gradescope" / ASSIGNMENT).glob("*/results.json"))) == len(expected)
    assert main(["report", ASSIGNMENT, "--root", str(course_root)]) == 1
    assert not (course_root / "gradebook.db").exists()

    # The same class graded into SQLite: the report and the exports are the same files.
    sqlite_root = copy_course_root(tmp_path_factory.mktemp("sqlite_course"))
    release = pipeline.generate_release(sqlite_root, ASSIGNMENT) / f"{ASSIGNMENT}.ipynb"
    hand_in_class(sqlite_root, release)
    pipeline.grade(sqlite_root, ASSIGNMENT)
    for command in (["report", ASSIGNMENT], ["export", ASSIGNMENT, "--to", "csv"],
                    ["export", ASSIGNMENT, "--to", "gradescope"]):
        assert main(command + ["--root", str(sqlite_root)]) == 0, command
    assert output_files(sqlite_root) == output_files(course_root)


def output_files(root):
    """{path: content} of the report and the exports; grades.csv without its timestamp column (when
    each copy of the class was handed in)."""
    import csv

    files = {str(path.relative_to(root)): path.read_text() for path in sorted((root / "exports").rglob("*.json"))}
    files["report"] = (root / "reports" / f"{ASSIGNMENT}.html").read_text()
    with open(root / "grades.csv", newline="") as stream:
        files["grades.csv"] = sorted(tuple(v for k, v in row.items() if k != "timestamp") for row in csv.DictReader(stream))
    return files
