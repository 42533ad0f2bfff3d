"""A messy class of regularization submissions: every shape of hand-in that used to stop a batch.

`hand_in(course_root, students)` writes the submissions; `CLASS` says, for each student, the total
a correct grader gives and a phrase the note or the lost-point reason must contain.
"""

import json
import os
from dataclasses import dataclass

import nbformat

from autograder.benchmarks import exchange_course
from autograder.catalogue.loader import CATALOGUE_DIR
from autograder.nbgrader_course import REPO_ROOT
from autograder.submissions import code_without_docstring, fill_solutions

RELEASE = REPO_ROOT / "release" / "regularization" / "regularization.ipynb"
CATALOGUE = CATALOGUE_DIR / "regularization"
NOTEBOOK = "regularization.ipynb"
COST, BACKWARD = "compute_cost_with_regularization", "backward_propagation_with_regularization"

# Settings of the test course root: short timeouts and a small file limit keep the class quick.
CONFIG = """
c.Execute.timeout = 8
c.Staging.max_file_mib = 1
"""


def case(name):
    return code_without_docstring(CATALOGUE / name)


CORRECT = {COST: case(f"{COST}/linalg_norm_squared.py"), BACKWARD: case(f"{BACKWARD}/einsum_products.py")}
CLASSIC = {COST: case(f"{COST}/debug_prints.py"), BACKWARD: case(f"{BACKWARD}/classic_course_np_dot.py")}
# A right cost, and a backward pass without the L2 term in dW1 (the one watch's course also uses).
BUGGY_BACKWARD = exchange_course.BUGGY_BACKWARD


def notebook(answers=CORRECT):
    return fill_solutions(RELEASE, answers)


def index_of(nb, grade_id):
    return next(i for i, cell in enumerate(nb.cells) if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


@dataclass(frozen=True)
class Expected:
    total: float
    says: str = None      # a phrase the student's note (or, with no note, a lost-point reason) contains
    noted: bool = False   # whether the submission gets a note (something was changed before grading)


def write(folder, nb, name=NOTEBOOK):
    nbformat.write(nb, folder / name)


def honest(folder):
    write(folder, notebook())


def classic(folder):
    write(folder, notebook(CLASSIC))


def buggy(folder):
    write(folder, notebook(BUGGY_BACKWARD))


def untouched(folder):
    write(folder, nbformat.read(RELEASE, as_version=4))


def broken_json(folder):
    (folder / NOTEBOOK).write_text(nbformat.writes(notebook())[:5000])


def empty_file(folder):
    (folder / NOTEBOOK).write_bytes(b"")


def renamed(folder):
    write(folder, notebook(), "regularization-Copy1.ipynb")


def empty_folder(folder):
    pass


def missing_notebook(folder):
    (folder / "answers.txt").write_text("I could not save my notebook, sorry.\n")


def duplicated_cell(folder):
    nb = notebook()
    first = nbformat.from_dict(json.loads(json.dumps(nb.cells[index_of(nb, COST)])))
    first.source = f"def {COST}(A3, Y, parameters, lambd):\n    return 0.0\n"
    nb.cells.insert(index_of(nb, COST), first)
    (folder / NOTEBOOK).write_text(json.dumps(nb))


def kernel_dies(folder):
    nb = notebook()
    nb.cells[index_of(nb, BACKWARD)].source = "import os\nos._exit(1)\n" + CORRECT[BACKWARD]
    write(folder, nb)


def times_out(folder):
    nb = notebook()
    nb.cells[index_of(nb, COST)].source = f"def {COST}(A3, Y, parameters, lambd):\n    while True:\n        pass\n"
    write(folder, nb)


def exhausts_memory(folder):
    nb = notebook()
    nb.cells[index_of(nb, COST)].source = ("import numpy as np\n\n"
                                           f"def {COST}(A3, Y, parameters, lambd):\n"
                                           "    return float(np.ones((2 ** 17, 2 ** 17)).sum())\n")
    write(folder, nb)


def huge_output(folder):
    nb = notebook()
    nb.cells[index_of(nb, COST)].source = 'print("x" * 20_000_000)\n' + CORRECT[COST]
    write(folder, nb)


def extra_and_huge_files(folder):
    honest(folder)
    (folder / "data.csv").write_text("1,2\n3,4\n")
    (folder / "weights.npy").write_bytes(b"\0" * (2 * 2 ** 20))


def cells_added(folder):
    nb = notebook()
    nb.cells.insert(index_of(nb, COST), nbformat.v4.new_code_cell("scratch = 1 + 1\nprint(scratch)"))
    nb.cells.append(nbformat.v4.new_markdown_cell("My own notes."))
    write(folder, nb)


def cells_deleted(folder):
    nb = notebook()
    del nb.cells[index_of(nb, f"test_{BACKWARD}")]
    write(folder, nb)


def cells_reordered(folder):
    nb = notebook()
    i, j = index_of(nb, COST), index_of(nb, f"test_{COST}")
    nb.cells[i], nb.cells[j] = nb.cells[j], nb.cells[i]
    write(folder, nb)


def cell_retyped(folder):
    nb = notebook()
    i = index_of(nb, BACKWARD)
    nb.cells[i] = nbformat.v4.new_markdown_cell(nb.cells[i].source, metadata=nb.cells[i].metadata)
    write(folder, nb)


def link_to_gradebook(folder):
    honest(folder)
    os.symlink("../../../gradebook.db", folder / "notes.json")


def bad_timestamp(folder):
    honest(folder)
    (folder / "timestamp.txt").write_text("the day before the deadline\n")


def two_notebooks(folder):
    honest(folder)
    write(folder, nbformat.read(RELEASE, as_version=4), "scratch.ipynb")


CLASS = {
    "honest_ada": (honest, Expected(3)),
    "honest_classic": (classic, Expected(3)),
    "buggy_backward": (buggy, Expected(1, "L2 term (lambd / m) * W1 is missing")),
    "untouched": (untouched, Expected(0, "NotImplementedError")),
    "broken_json": (broken_json, Expected(0, "is not valid JSON", noted=True)),
    "empty_file": (empty_file, Expected(0, "is empty", noted=True)),
    "renamed": (renamed, Expected(3, "regularization-Copy1.ipynb, the only other notebook", noted=True)),
    "empty_folder": (empty_folder, Expected(0, "No regularization.ipynb was handed in", noted=True)),
    "missing_notebook": (missing_notebook, Expected(0, "No regularization.ipynb was handed in", noted=True)),
    "duplicated_cell": (duplicated_cell, Expected(3, "appeared more than once", noted=True)),
    "kernel_dies": (kernel_dies, Expected(1, "kernel stopped")),
    "times_out": (times_out, Expected(2, "did not return within")),
    "exhausts_memory": (exhausts_memory, Expected(2, "MemoryError")),
    "huge_output": (huge_output, Expected(3)),
    "extra_and_huge_files": (extra_and_huge_files, Expected(3, "weights.npy (2.0 MiB, over the 1 MiB", noted=True)),
    "cells_added": (cells_added, Expected(3)),
    "cells_deleted": (cells_deleted, Expected(3, "was missing and was put back", noted=True)),
    "cells_reordered": (cells_reordered, Expected(2, "were moved", noted=True)),
    "cell_retyped": (cell_retyped, Expected(3, "had its type changed", noted=True)),
    "link_to_gradebook": (link_to_gradebook, Expected(3, "notes.json (a link to", noted=True)),
    "bad_timestamp": (bad_timestamp, Expected(3, "timestamp.txt could not be read", noted=True)),
    "two_notebooks": (two_notebooks, Expected(3)),
}


def hand_in(course_root, students=tuple(CLASS)):
    """Write the submissions of `students` (default: the whole class) into course_root/submitted/
    and add the class's settings to the course root's nbgrader_config.py."""
    with open(course_root / "nbgrader_config.py", "a") as config:
        config.write(CONFIG)
    for student in students:
        folder = course_root / "submitted" / student / "regularization"
        folder.mkdir(parents=True)
        CLASS[student][0](folder)
