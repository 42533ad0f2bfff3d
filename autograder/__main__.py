"""Instructor commands.

    python -m autograder demo                 the main job: release, grade demo submissions, print scores
    python -m autograder release [NAME ...] [--db-url URL]
                                              regenerate release/<NAME>/ from source/<NAME>/ (default: all)
    python -m autograder grade NAME [--student ID ...] [--workers N | --scheduler ADDRESS] [--force] [--no-sandbox]
                                              [--db-url URL]
                                              grade the new or changed submissions in submitted/*/NAME,
                                              write feedback, grades.csv and the class report, print the scores
    python -m autograder report NAME [--db-url URL]
                                              the class report reports/NAME.html (plots, pass rates, failures)
    python -m autograder export NAME --to {csv,gradescope} [--db-url URL]
                                              grades.csv (nbgrader's CSV export of the whole gradebook), or
                                              exports/gradescope/NAME/<student>/results.json
    python -m autograder export NAME --to {canvas,moodle} [--roster FILE] [--column TITLE] [--db-url URL]
                                              exports/<lms>/NAME.csv, the LMS's grade import file, one row
                                              per rostered student (default roster: the gradebook's students)
    python -m autograder similarity NAME [--threshold T]
                                              reports/NAME-similarity.html: pairs of students whose solution
                                              cells are alike (normalized code), side by side, for a look
    python -m autograder gradescope NAME [--visibility TEST_CELL=VISIBILITY ...] [--result-visibility V] [--no-sandbox]
                                              exports/gradescope/NAME/autograder.zip: a Gradescope autograder
                                              that grades each upload with this pipeline
    python -m autograder watch NAME [--interval S] [--max-attempts-per-day N] [--hide-score] [--once]
                                              collect new submissions from nbgrader's exchange as they arrive,
                                              grade them and release their feedback to the exchange
    python -m autograder lab [PATH ...]       JupyterLab for instructors: source notebooks run their hidden
                                              tests (this checkout's autograder is importable in its kernels)
"""

import argparse
import sys
from pathlib import Path

from autograder.course_paths import CoursePaths, assignments_in_source
from autograder.nbgrader_course import REPO_ROOT


def add_output_commands(commands):
    """The report and export commands, which read the results of an assignment already graded."""
    report = commands.add_parser("report", help="write the class report reports/NAME.html of a graded assignment")
    export = commands.add_parser("export", help="export the grades of a graded assignment")
    export.add_argument("--to", choices=("csv", "gradescope", "canvas", "moodle"), required=True,
                        help="csv: nbgrader's CSV export of the whole gradebook to grades.csv (what grade "
                             "writes); gradescope: exports/gradescope/NAME/<student>/results.json; canvas, "
                             "moodle: that LMS's grade import file exports/<lms>/NAME.csv")
    export.add_argument("--roster", type=Path, metavar="FILE",
                        help="canvas, moodle: the students to list, a CSV file with the header of nbgrader's "
                             "student import (id, first_name, last_name, email, lms_user_id) plus sis_user_id, "
                             "sis_login_id, section; only id is required (default: the gradebook's students)")
    export.add_argument("--column", metavar="TITLE",
                        help="canvas, moodle: the grade column's title, the assignment's name in the LMS "
                             "(Canvas also reads 'Name (id)'; default: NAME)")
    for command in (report, export):
        command.add_argument("assignment")
        command.add_argument("--root", type=Path, default=REPO_ROOT, help="course root (default: this repository)")
        command.add_argument("--db-url", help="the gradebook the assignment was graded into (as for grade)")


def gradebook_exists(url):
    """Whether the gradebook at SQLAlchemy `url` has been written by nbgrader: nbgrader would create
    an empty one rather than say that there is none."""
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database is not None and Path(parsed.database).is_file()
    engine = create_engine(url)
    try:
        return inspect(engine).has_table("assignment")
    except Exception:  # a server that cannot be reached holds no gradebook we can read
        return False
    finally:
        engine.dispose()


def run_output_command(args):
    """Run report or export; 0 on success, 1 (with one sentence on stderr) if there is nothing graded."""
    from sqlalchemy.engine import make_url

    from autograder.nbgrader_course import gradebook_url

    url = gradebook_url(args.root, db_url=args.db_url)
    shown = make_url(url).render_as_string(hide_password=True)
    if not gradebook_exists(url):
        print(f"error: no gradebook at {shown}: grade {args.assignment} first "
              f"(python -m autograder grade {args.assignment}).", file=sys.stderr)
        return 1
    if args.command == "export" and (args.to in ("canvas", "moodle") or args.roster or args.column):
        from autograder.grading.export_lms import run_lms_export
        return run_lms_export(args, url, shown)
    if args.command == "export" and args.to == "csv":
        from nbgrader.api import Gradebook, MissingEntry

        from autograder.grading.export_csv import write_grades_csv
        from autograder.nbgrader_course import load_course_config
        course = load_course_config(args.root, db_url=url).CourseDirectory
        book = Gradebook(url, course.course_id)
        try:
            book.find_assignment(args.assignment)
        except MissingEntry:
            book.close()
            print(f"error: no assignment {args.assignment!r} in {shown}.", file=sys.stderr)
            return 1
        print(f"wrote {write_grades_csv(book, CoursePaths(args.root, args.assignment).grades_csv, args.root)}")
        return 0
    from autograder.grading.scores import read_scores
    results = read_scores(args.root, args.assignment, db_url=url)
    if not results:
        print(f"error: no graded submissions of {args.assignment!r} in {shown}.", file=sys.stderr)
        return 1
    if args.command == "report":
        from autograder.grading.report import write_class_report
        from autograder.similarity import similar_pairs
        similar = similar_pairs(args.root, args.assignment)
        print(f"wrote {write_class_report(args.root, args.assignment, results, similar=similar)}")
    else:
        from autograder.grading.export_gradescope import write_gradescope_results
        paths = write_gradescope_results(args.root, args.assignment, results)
        print(f"wrote {len(paths)} results.json file(s) to {paths[0].parent.parent}")
    return 0


def add_gradescope_command(commands):
    from autograder.grading.export_gradescope import VISIBILITIES

    gradescope = commands.add_parser("gradescope", help="build exports/gradescope/NAME/autograder.zip, a Gradescope "
                                                        "autograder that grades each upload with this pipeline")
    gradescope.add_argument("assignment")
    gradescope.add_argument("--root", type=Path, default=REPO_ROOT, help="course root (default: this repository)")
    gradescope.add_argument("--visibility", action="append", metavar="TEST_CELL=VISIBILITY",
                            help=f"when students see a test cell's result: {', '.join(VISIBILITIES)} (repeatable; "
                                 "default: after_due_date for a cell with hidden tests, else visible)")
    gradescope.add_argument("--result-visibility", choices=VISIBILITIES, default="visible",
                            help="when students see the whole result, total score included (default: visible)")
    gradescope.add_argument("--no-sandbox", dest="sandbox", action="store_false",
                            help="grade without bubblewrap, for a Gradescope image that cannot run it (unsafe: "
                                 "a student's code could read the hidden tests in the container)")


def run_gradescope_command(parser, args):
    from autograder.grading.gradescope_zip import build_autograder_zip, graded_test_cells, parse_visibility

    known = list(graded_test_cells(args.root, args.assignment)) if CoursePaths(args.root, args.assignment).source.is_dir() else []
    if not known:
        parser.error(f"no graded notebook in {args.root / 'source' / args.assignment}")
    try:
        visibility = parse_visibility(args.visibility, known)
    except ValueError as error:
        parser.error(str(error))
    path = build_autograder_zip(args.root, args.assignment, visibility, args.result_visibility, args.sandbox)
    print(f"wrote {path}: upload it as the assignment's autograder (Configure Autograder, zip file upload)")
    return 0


def instructor_lab_command(paths):
    """(argv, environment) of JupyterLab on the course root whose kernels can import this checkout's
    autograder, as the source notebooks' hidden tests do. autograder is never installed, so that a
    student's kernel (which uses the same installed packages) can never import it."""
    import os

    jupyter = str(Path(sys.executable).parent / "jupyter")
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT)] + ([environment["PYTHONPATH"]]
                                                                     if environment.get("PYTHONPATH") else []))
    return [jupyter, "lab", f"--ServerApp.root_dir={REPO_ROOT}", *(paths or ["source"])], environment


def run_instructor_lab(paths):
    import os

    argv, environment = instructor_lab_command(paths)
    os.chdir(REPO_ROOT)
    os.execve(argv[0], argv, environment)


def run_similarity_command(parser, args):
    from autograder import similarity
    from autograder.assignments import names

    if args.assignment not in names():
        parser.error(f"no assignment {args.assignment!r} (there is: {', '.join(names())})")
    threshold = similarity.DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    if not 0 <= threshold <= 1:
        parser.error("--threshold must be between 0 and 1")
    if not any(path.is_dir() for path in Path(args.root).glob(f"submitted/*/{args.assignment}")):
        print(f"error: no submissions of {args.assignment!r} in {args.root / 'submitted'}/<student>/"
              f"{args.assignment}/.", file=sys.stderr)
        return 1
    path, pairs, problems = similarity.run_similarity(args.root, args.assignment, threshold)
    print(similarity.summary_table(pairs, threshold))
    if problems:
        print(f"{len(problems)} submission(s) not compared (see the report)")
    print(f"{len(pairs)} pairs compared; similarity is evidence for a look, never a verdict")
    print(f"wrote {path}")
    return 0


def add_watch_command(commands):
    watch = commands.add_parser("watch", help="collect submissions from the exchange as they arrive, grade them "
                                              "and release their feedback (Ctrl-C stops)")
    watch.add_argument("assignment")
    watch.add_argument("--root", type=Path, default=REPO_ROOT, help="course root (default: this repository)")
    watch.add_argument("--exchange", type=Path, help="nbgrader's exchange folder (default: c.Exchange.root in "
                                                     "nbgrader_config.py, else nbgrader's default)")
    watch.add_argument("--interval", type=float, default=30, metavar="S", help="seconds between passes (default: 30)")
    watch.add_argument("--max-attempts-per-day", type=int, metavar="N",
                       help="grade at most N submissions per student per day; later ones are collected and "
                            "graded the next day (the student's feedback page says so)")
    watch.add_argument("--hide-score", action="store_true",
                       help="released feedback shows the tests' sentences and outputs, not the scores")
    watch.add_argument("--once", action="store_true", help="one pass, then exit (for cron and tests)")
    watch.add_argument("--no-sandbox", dest="sandbox", action="store_false",
                       help="run students' kernels without the sandbox (unsafe, as for grade)")


def run_watch_command(parser, args):
    from autograder.assignments import names
    from autograder.grading.sandbox import Sandbox, SandboxUnavailable, check_sandbox
    from autograder.grading.watch import Watch

    if args.assignment not in names():
        parser.error(f"no assignment {args.assignment!r} (there is: {', '.join(names())})")
    if args.interval <= 0:
        parser.error("--interval must be a positive number of seconds")
    if args.max_attempts_per_day is not None and args.max_attempts_per_day < 1:
        parser.error("--max-attempts-per-day must be at least 1")
    if args.sandbox:
        try:
            check_sandbox(Sandbox())
        except SandboxUnavailable as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    watch = Watch(args.root, args.assignment, exchange=args.exchange, max_attempts_per_day=args.max_attempts_per_day,
                  hide_score=args.hide_score, sandbox=args.sandbox)
    return watch.run(interval=args.interval, once=args.once)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help="the main job on demo submissions, in a scratch course root")
    demo.add_argument("--workdir", type=Path, default=REPO_ROOT / "demo",
                      help="scratch course root, rebuilt on every run (default: demo/)")

    release = commands.add_parser("release", help="regenerate release/ from source/ with nbgrader")
    release.add_argument("assignments", nargs="*", help="assignment names (default: every folder in source/)")
    release.add_argument("--root", type=Path, default=REPO_ROOT, help="course root (default: this repository)")
    release.add_argument("--db-url", help="the gradebook that records the assignment for grading (as for grade)")

    grade = commands.add_parser("grade", help="autograde, feedback, grades.csv and score table for one assignment")
    grade.add_argument("assignment")
    grade.add_argument("--student", action="append", help="grade only this student (repeatable)")
    grade.add_argument("--root", type=Path, default=REPO_ROOT, help="course root (default: this repository)")
    grade.add_argument("--workers", type=int, metavar="N",
                       help="grading processes on this machine, a local Dask cluster (default: one per core plus one; "
                            "1 grades in this process)")
    grade.add_argument("--scheduler", metavar="ADDRESS",
                       help="grade on an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (its workers need the "
                            "course and autograder packages and bubblewrap)")
    grade.add_argument("--force", action="store_true",
                       help="grade every submission again, also those unchanged since they were graded")
    grade.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    grade.add_argument("--no-sandbox", dest="sandbox", action="store_false",
                       help="run students' kernels without the sandbox (unsafe: only on a machine that holds "
                            "nothing but this course; the test cells still run in the grader)")
    grade.add_argument("--db-url", help="SQLAlchemy URL of the gradebook, e.g. postgresql://grader@/gradebook "
                                        "(default: c.CourseDirectory.db_url in nbgrader_config.py, else "
                                        "sqlite:///<root>/gradebook.db)")

    add_output_commands(commands)
    add_gradescope_command(commands)
    similar = commands.add_parser("similarity", help="pairs of submissions whose solution cells are alike, "
                                                     "in reports/NAME-similarity.html (evidence, never a verdict)")
    similar.add_argument("assignment")
    similar.add_argument("--root", type=Path, default=REPO_ROOT, help="course root (default: this repository)")
    similar.add_argument("--threshold", type=float, metavar="T",
                         help="list pairs with an overall or per-function similarity of at least T, in [0, 1] "
                              "(default: just above the most alike pair of distinct correct catalogue styles)")
    add_watch_command(commands)
    lab = commands.add_parser("lab", help="JupyterLab in which the source notebooks' hidden tests can import autograder")
    lab.add_argument("paths", nargs="*", help="notebooks or folders to open (default: source/)")
    args = parser.parse_args(argv)
    if args.command == "lab":
        return run_instructor_lab(args.paths)
    if args.command in ("report", "export"):
        return run_output_command(args)
    if args.command == "similarity":
        return run_similarity_command(parser, args)
    if args.command == "gradescope":
        return run_gradescope_command(parser, args)
    if args.command == "watch":
        return run_watch_command(parser, args)
    if args.command == "demo":
        from autograder.demo import run_demo
        run_demo(args.workdir)
    elif args.command == "release":
        from autograder.grading.pipeline import generate_release
        known = assignments_in_source(args.root)
        for name in args.assignments or known:
            if name not in known:
                parser.error(f"no assignment {name!r} in {args.root / 'source'} (there is: {', '.join(known)})")
            print(f"wrote {generate_release(args.root, name, db_url=args.db_url)}")
    elif args.command == "grade":
        from autograder.grading.pipeline import grade as run_grading
        from autograder.grading.sandbox import SandboxUnavailable
        if args.workers is not None and args.workers < 1:
            parser.error("--workers must be at least 1")
        if args.workers and args.scheduler:
            parser.error("--workers sizes a local cluster; with --scheduler the cluster is the scheduler's")
        try:
            run = run_grading(args.root, args.assignment, args.student, sandbox=args.sandbox, workers=args.workers,
                              scheduler=args.scheduler, force=args.force, progress=args.progress,
                              db_url=args.db_url)
        except SandboxUnavailable as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        if run.interrupted:
            return 130
        return 1 if run.not_graded else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
