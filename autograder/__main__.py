"""Instructor commands.

    python -m autograder demo                 the main job: release, grade demo submissions, print scores
    python -m autograder release [NAME ...] [--db-url URL]
                                              regenerate release/<NAME>/ from source/<NAME>/ (default: all)
    python -m autograder grade NAME [--student ID ...] [--no-sandbox] [--db-url URL]
                                              autograde submitted/*/NAME, write feedback, export grades.csv
"""

import argparse
import sys
from pathlib import Path

from autograder.nbgrader_course import REPO_ROOT


def assignments_in_source(course_root):
    return sorted(path.name for path in (Path(course_root) / "source").iterdir() if path.is_dir())


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
    grade.add_argument("--no-sandbox", dest="sandbox", action="store_false",
                       help="run students' kernels without the sandbox (unsafe: only on a machine that holds "
                            "nothing but this course; the test cells still run in the grader)")
    grade.add_argument("--db-url", help="SQLAlchemy URL of the gradebook, e.g. postgresql://grader@/gradebook "
                                        "(default: c.CourseDirectory.db_url in nbgrader_config.py, else "
                                        "sqlite:///<root>/gradebook.db)")

    args = parser.parse_args(argv)
    if args.command == "demo":
        from autograder.demo import run_demo
        run_demo(args.workdir)
    elif args.command == "release":
        from autograder.pipeline import generate_release
        known = assignments_in_source(args.root)
        for name in args.assignments or known:
            if name not in known:
                parser.error(f"no assignment {name!r} in {args.root / 'source'} (there is: {', '.join(known)})")
            print(f"wrote {generate_release(args.root, name, db_url=args.db_url)}")
    elif args.command == "grade":
        from autograder.pipeline import grade as run_grading
        from autograder.sandbox import SandboxUnavailable
        try:
            run = run_grading(args.root, args.assignment, args.student, sandbox=args.sandbox, db_url=args.db_url)
        except SandboxUnavailable as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        return 1 if run.not_graded else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
