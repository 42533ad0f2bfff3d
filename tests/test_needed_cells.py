"""Which cells does grading run? (autograder/grading/needed_cells.py; no kernel here)

A provided (locked) cell may be skipped only when nothing grading runs can read a name it defines.
A function body reads globals when it is called, not where it sits, so a provided cell is needed
by a kept function wherever the two are in the notebook. A provided cell that imports also
defines its modules as attributes of their packages, so it is needed by a kept cell that reads
or plainly imports one of those packages.
"""

from nbformat.v4 import new_code_cell, new_markdown_cell

from autograder.grading.needed_cells import cells_to_run


def provided(source):
    return new_code_cell(source, metadata={"nbgrader": {"locked": True, "grade": False, "solution": False,
                                                        "grade_id": f"provided_{abs(hash(source))}"}})


def solution(source, grade_id="answer"):
    return new_code_cell(source, metadata={"nbgrader": {"locked": False, "grade": False, "solution": True,
                                                        "grade_id": grade_id}})


def graded(source, grade_id="test_answer"):
    return new_code_cell(source, metadata={"nbgrader": {"locked": True, "grade": True, "solution": False,
                                                        "grade_id": grade_id, "points": 1}})


def run(cells):
    return cells_to_run(cells, lambda cell: cell.metadata.get("nbgrader", {}).get("grade", False))


def test_is_a_provided_cell_skipped_when_nothing_graded_reads_its_names():
    cells = [provided("import numpy as np"), solution("def answer(x):\n    return np.sum(x)"),
             provided("costs = [answer([i]) for i in range(1000)]\nprint(costs[-1])"),
             graded("assert answer([1, 2]) == 3")]
    assert run(cells) == [0, 1, 3]


def test_is_a_provided_cell_kept_when_a_function_moved_above_it_calls_it():
    # The student moved their solution above the provided helper it calls: the helper is read
    # inside the function's body, which runs when the test cell calls it, after every cell.
    cells = [provided("import numpy as np"),
             solution("def answer(x):\n    return double(np.sum(x))"),
             provided("def double(v):\n    return 2 * v"),
             graded("assert answer([1, 2]) == 6")]
    assert run(cells) == [0, 1, 2, 3]


def test_are_provided_cells_kept_until_nothing_changes():
    # answer (kept) calls double, defined below it; double reads SCALE, defined below double:
    # each is needed only once the one before it is known to be kept.
    cells = [provided("import numpy as np"),
             solution("def answer(x):\n    return double(np.sum(x))"),
             markdown := new_markdown_cell("Provided helpers:"),
             provided("def double(v):\n    return SCALE * v"),
             provided("SCALE = 2"),
             provided("unused = [double(i) for i in range(10)]"),
             graded("assert answer([1, 2]) == 6")]
    assert markdown.cell_type == "markdown"
    assert run(cells) == [0, 1, 3, 4, 6]


def test_is_a_provided_cell_read_only_at_the_top_level_of_an_earlier_cell_still_skipped():
    # A top-level read runs where its cell sits: a provided cell after it cannot be what it reads.
    cells = [provided("import numpy as np"), provided("LIMIT = 1"),
             solution("value = LIMIT\ndef answer():\n    return np.int64(value)"),
             provided("LIMIT = 2"), graded("assert answer() == 1")]
    assert run(cells) == [0, 1, 2, 4]


PLOTTING_SET_UP = provided("import matplotlib.pyplot as plt\nfrom course.plots import plot_costs\n\n"
                           "%matplotlib inline\nplt.rcParams['figure.figsize'] = (6.0, 4.5)")


def test_is_the_plotting_set_up_skipped_when_nothing_graded_plots():
    # Importing pyplot is half a kernel's start: a notebook keeps it in a cell of its own so that
    # grading can leave it out.
    cells = [provided("import numpy as np\nfrom course.datasets import load_dataset"), PLOTTING_SET_UP,
             solution("def answer(x):\n    return np.sum(x)"),
             provided("plot_costs([answer([i]) for i in range(10)])\nplt.show()"),
             graded("assert answer([1, 2]) == 3")]
    assert run(cells) == [0, 2, 4]


def test_is_the_plotting_set_up_kept_when_a_student_plots():
    cells = [provided("import numpy as np"), PLOTTING_SET_UP,
             solution("def answer(x):\n    plt.plot(x)\n    return np.sum(x)"),
             graded("assert answer([1, 2]) == 3")]
    assert run(cells) == [0, 1, 2, 3]


def test_is_an_import_cell_kept_when_a_student_reaches_its_module_through_the_package():
    # The provided cell's `import matplotlib.pyplot` is what makes `matplotlib.pyplot` an attribute.
    for student in ("import matplotlib as mpl\ndef answer(x):\n    return mpl.pyplot.gca() and np.sum(x)",
                    "def answer(x):\n    return matplotlib.pyplot.gca() and np.sum(x)"):
        cells = [provided("import numpy as np"), PLOTTING_SET_UP, solution(student),
                 graded("assert answer([1, 2]) == 3")]
        assert run(cells) == [0, 1, 2, 3], student


def test_is_an_import_cell_kept_when_a_function_moved_above_it_reaches_its_module_through_the_package():
    # The import in the function's body runs when the test calls it: after the provided cell below.
    cells = [solution("def answer(x):\n    import matplotlib as mpl\n    return mpl.pyplot.gca() and sum(x)"),
             provided("import numpy as np"), PLOTTING_SET_UP, graded("assert answer([1, 2]) == 3")]
    assert run(cells) == [0, 2, 3]


def test_is_an_import_cell_still_skipped_when_kept_cells_only_import_names_from_the_same_package():
    # `from course.datasets import load_dataset` binds no package object: course.plots cannot be reached.
    cells = [provided("from course.datasets import load_dataset"), PLOTTING_SET_UP,
             solution("def answer():\n    return load_dataset()"), graded("assert answer()")]
    assert run(cells) == [0, 2, 3]
