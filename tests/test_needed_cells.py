"""Which cells does grading run? (autograder/grading/needed_cells.py; no kernel here)

A provided (locked) cell may be skipped only when nothing grading runs can read a name it defines.
A function body reads globals when it is called, not where it sits, so a provided cell is needed
by a kept function wherever the two are in the notebook.
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
    cells = [provided("import numpy as np"), provided("LIMIT = 1"), solution("value = LIMIT\ndef answer():\n    return value"),
             provided("LIMIT = 2"), graded("assert answer() == 1")]
    assert run(cells) == [0, 1, 2, 4]
