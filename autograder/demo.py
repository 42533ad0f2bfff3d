"""The main job: the whole path from source notebook to grades, on demo submissions.

In a scratch course root (demo/ by default, rebuilt on every run, with its own SQLite gradebook):
1. generate the release from source/ with nbgrader, and confirm it equals the committed release/;
2. hand in three demo submissions per assignment: one correct (written in other styles than the
   reference solution), one with realistic bugs, one untouched release copy;
3. autograde them, write feedback, export grades.csv and print the score table.
"""

import filecmp
import shutil
import time
from pathlib import Path

from autograder.assignments import by_name, names
from autograder.catalogue.loader import CATALOGUE_DIR
from autograder.course_paths import CoursePaths
from autograder.grading import pipeline
from autograder.nbgrader_course import REPO_ROOT, copy_course_root
from autograder.submissions import code_without_docstring, fill_solutions, write_submission


def prepare_course_root(workdir):
    """A fresh course root: this repository's nbgrader_config.py and source/, nothing else."""
    workdir = Path(workdir)
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    return copy_course_root(workdir)


def release_matches_committed(course_root, assignment):
    """True if the release nbgrader just generated equals release/<assignment>/ in the repository."""
    fresh, committed = CoursePaths(course_root, assignment).release, CoursePaths(REPO_ROOT, assignment).release
    comparison = filecmp.dircmp(fresh, committed)
    return not (comparison.left_only or comparison.right_only
                or filecmp.cmpfiles(fresh, committed, comparison.common_files, shallow=False)[1])


def hand_in_demo_submissions(course_root, assignment):
    """Write the demo submissions of `assignment` into course_root/submitted/."""
    release = CoursePaths(course_root, assignment).release
    for student, answers in by_name(assignment).demo.items():
        cells = {function: code_without_docstring(CATALOGUE_DIR / assignment / function / case)
                 for function, case in answers.items()}
        notebooks = {path.name: fill_solutions(path, cells) for path in sorted(release.glob("*.ipynb"))}
        write_submission(course_root, assignment, student, notebooks)


def run_demo(workdir=REPO_ROOT / "demo", assignments=None):
    """Run the main job on `assignments` (default: every one of the registry); returns {assignment: GradingRun}."""
    assignments = names() if assignments is None else assignments
    start = time.perf_counter()
    course_root = prepare_course_root(workdir).resolve()
    print(f"Demo course root: {course_root}")
    runs = {}
    for assignment in assignments:
        print(f"\n=== {assignment} ===")
        pipeline.generate_release(course_root, assignment)
        verdict = ("identical to the committed release/" if release_matches_committed(course_root, assignment)
                   else "DIFFERENT from the committed release/: run `python -m autograder release` and commit")
        print(f"Release generated from source/{assignment}/: {verdict}")
        hand_in_demo_submissions(course_root, assignment)
        runs[assignment] = pipeline.grade(course_root, assignment)
    print(f"\nDone in {time.perf_counter() - start:.1f} s. Grades: {course_root / 'grades.csv'}; "
          f"feedback: {course_root / 'feedback'}/")
    return runs
