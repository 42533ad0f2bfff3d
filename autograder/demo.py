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

from autograder import pipeline
from autograder.nbgrader_course import REPO_ROOT
from autograder.submissions import code_without_docstring, fill_solutions, write_submission

CATALOGUE = REPO_ROOT / "tests" / "catalogue"

# assignment -> student -> {solution cell grade_id: catalogue case giving that cell's code}
DEMO_SUBMISSIONS = {
    "initialization": {
        "ada_correct": {
            "initialize_parameters_zeros": "initialize_parameters_zeros/dict_comprehension.py",
            "initialize_parameters_random": "initialize_parameters_random/default_rng_unseeded.py",
            "initialize_parameters_he": "initialize_parameters_he/default_rng_reverse_order.py",
        },
        "bob_buggy": {
            "initialize_parameters_zeros": "initialize_parameters_zeros/classic_course_loop.py",
            "initialize_parameters_random": "initialize_parameters_random/bug_times_0_01.py",
            "initialize_parameters_he": "initialize_parameters_he/bug_fan_out.py",
        },
        "cyd_untouched": {},
    },
    "regularization": {
        "ada_correct": {
            "compute_cost_with_regularization": "compute_cost_with_regularization/linalg_norm_squared.py",
            "backward_propagation_with_regularization": "backward_propagation_with_regularization/einsum_products.py",
        },
        "bob_buggy": {
            "compute_cost_with_regularization": "compute_cost_with_regularization/bug_lambd_over_m.py",
            "backward_propagation_with_regularization": "backward_propagation_with_regularization/bug_no_l2_in_dW1.py",
        },
        "cyd_untouched": {},
    },
    "dropout": {
        "ada_correct": {
            "forward_propagation_with_dropout": "forward_propagation_with_dropout/default_rng_random.py",
            "backward_propagation_with_dropout": "backward_propagation_with_dropout/np_where_mask.py",
        },
        "bob_buggy": {
            "forward_propagation_with_dropout": "forward_propagation_with_dropout/bug_seed_inside_function.py",
            "backward_propagation_with_dropout": "backward_propagation_with_dropout/bug_not_divided_by_keep_prob.py",
        },
        "cyd_untouched": {},
    },
    "gradient_checking": {
        "ada_correct": {
            "forward_propagation": "forward_propagation/x_times_theta.py",
            "backward_propagation": "backward_propagation/float_x.py",
            "gradient_check": "gradient_check/abs_instead_of_norm.py",
            "gradient_check_n": "gradient_check_n/in_place_perturb_and_restore.py",
            "backward_propagation_n": "backward_propagation_n/einsum.py",
        },
        "bob_buggy": {
            "forward_propagation": "forward_propagation/np_multiply.py",
            "backward_propagation": "backward_propagation/returns_x.py",
            "gradient_check": "gradient_check/bug_missing_2.py",
            "gradient_check_n": "gradient_check_n/bug_one_sided.py",
            "backward_propagation_n": "backward_propagation_n/bug_db1_4_over_m_left.py",
        },
        "cyd_untouched": {},
    },
}


def prepare_course_root(workdir):
    """A fresh course root: this repository's nbgrader_config.py and source/, nothing else."""
    workdir = Path(workdir)
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    shutil.copy(REPO_ROOT / "nbgrader_config.py", workdir)
    shutil.copytree(REPO_ROOT / "source", workdir / "source")
    return workdir


def release_matches_committed(course_root, assignment):
    """True if the release nbgrader just generated equals release/<assignment>/ in the repository."""
    fresh, committed = course_root / "release" / assignment, REPO_ROOT / "release" / assignment
    comparison = filecmp.dircmp(fresh, committed)
    return not (comparison.left_only or comparison.right_only
                or filecmp.cmpfiles(fresh, committed, comparison.common_files, shallow=False)[1])


def hand_in_demo_submissions(course_root, assignment):
    """Write the demo submissions of `assignment` into course_root/submitted/."""
    release = course_root / "release" / assignment
    for student, answers in DEMO_SUBMISSIONS[assignment].items():
        cells = {grade_id: code_without_docstring(CATALOGUE / assignment / case) for grade_id, case in answers.items()}
        notebooks = {path.name: fill_solutions(path, cells) for path in sorted(release.glob("*.ipynb"))}
        write_submission(course_root, assignment, student, notebooks)


def run_demo(workdir=REPO_ROOT / "demo", assignments=tuple(DEMO_SUBMISSIONS)):
    """Run the main job; returns {assignment: GradingRun}."""
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
