"""A class of honest but unusual submissions, for every assignment: correct answers written, saved
and handed in the way real students do it. Every one must get full marks.

Each submission starts from the reference solutions (autograder/solutions) filled into the release
notebook (autograder.submissions.fill_solutions), then is reshaped: helper cells and helper files,
magics, subclassed containers, moved, split and pasted cells, big outputs, 210 files beside it, an
old nbformat, a jupytext round trip, CRLF line ends. `hand_in(course_root, assignment)` writes the
class of one assignment into submitted/; `CLASS[assignment]` names its students.
"""

import ast
import copy
import importlib
import inspect
import json

import nbformat

from autograder.assignments import by_name
from autograder.solutions import reference_answers
from autograder.submissions import fill_solutions, solution_cells

# Students whose code calls IPython (magics, shell commands): the screen flags them for the
# instructor, and their feedback must not say so.
MAGICS = "magics"


def reference(assignment):
    return fill_solutions(by_name(assignment).release, reference_answers(assignment))


def index_of(nb, grade_id):
    return next(i for i, cell in enumerate(nb.cells) if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def solution_ids(nb):
    return list(solution_cells(nb))


def module_imports(assignment):
    """The import lines of the reference solutions' module (what a helper cell needs)."""
    source = inspect.getsource(importlib.import_module(f"autograder.solutions.{assignment}"))
    return "\n".join(ast.unparse(node) for node in ast.parse(source).body
                     if isinstance(node, (ast.Import, ast.ImportFrom)))


def renamed(source, name, new_name):
    """A function's source with its def renamed (calls of other functions are left alone)."""
    return source.replace(f"def {name}(", f"def {new_name}(", 1)


def wrapper(source, name, body):
    """`def name(<the reference's own parameters>):` + body, where body may use {call}, the call
    of _my_<name> with the same arguments."""
    function = ast.parse(source).body[0]
    arguments = [a.arg for a in function.args.args]
    call = f"_my_{name}({', '.join(arguments)})"
    return f"def {name}({ast.unparse(function.args)}):\n" + body.format(call=call)


def write(folder, nb, name):
    nbformat.write(nb, folder / name)


# --- the shapes of submission ---------------------------------------------------------------------

def plain(assignment, folder, name):
    write(folder, reference(assignment), name)


def helper_cell(assignment, folder, name):
    # One cell of the student's own above the exercises: logging to a file (a write into the working
    # folder), imports and the real work; the solution cells call it.
    nb = reference(assignment)
    answers = reference_answers(assignment)
    helpers = ["import logging\nlogging.basicConfig(filename='my_debug.log', level=logging.DEBUG)\n"
               "log = logging.getLogger('mine')", module_imports(assignment)]
    for grade_id in solution_ids(nb):
        helpers.append(renamed(answers[grade_id], grade_id, f"_my_{grade_id}"))
        nb.cells[index_of(nb, grade_id)].source = wrapper(
            answers[grade_id], grade_id, "    log.debug('called')\n    return {call}\n")
    nb.cells.insert(index_of(nb, solution_ids(nb)[0]), nbformat.v4.new_code_cell("\n\n".join(helpers)))
    write(folder, nb, name)


def split_cells(assignment, folder, name):
    # Each exercise split in two: the graded cell is a thin wrapper, the work is in a cell of the
    # student's own just below it.
    nb = reference(assignment)
    answers = reference_answers(assignment)
    nb.cells.insert(index_of(nb, "imports") + 1, nbformat.v4.new_code_cell(module_imports(assignment)))
    for grade_id in solution_ids(nb):
        position = index_of(nb, grade_id)
        nb.cells[position].source = wrapper(answers[grade_id], grade_id, "    return {call}\n")
        nb.cells.insert(position + 1, nbformat.v4.new_code_cell(renamed(answers[grade_id], grade_id, f"_my_{grade_id}")))
    write(folder, nb, name)


SUBCLASSED = '''from collections import OrderedDict, namedtuple


def _subclassed(value):
    """Parameters and gradients in an OrderedDict, caches in a namedtuple: what I like to read."""
    if isinstance(value, dict):
        return OrderedDict(value)
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], tuple):
        Cache = namedtuple("Cache", [f"item{i}" for i in range(len(value[1]))])
        return value[0], Cache(*value[1])
    return value
'''


def subclassed_containers(assignment, folder, name):
    nb = reference(assignment)
    answers = reference_answers(assignment)
    for grade_id in solution_ids(nb):
        nb.cells[index_of(nb, grade_id)].source = (
            SUBCLASSED + "\n\n" + renamed(answers[grade_id], grade_id, f"_my_{grade_id}") + "\n\n"
            + wrapper(answers[grade_id], grade_id, "    return _subclassed({call})\n"))
    write(folder, nb, name)


def helper_file(assignment, folder, name):
    # The student keeps the work in a module written from the notebook, and imports it.
    nb = reference(assignment)
    module = inspect.getsource(importlib.import_module(f"autograder.solutions.{assignment}"))
    for grade_id in solution_ids(nb):
        nb.cells[index_of(nb, grade_id)].source = f"from my_{assignment} import {grade_id}\n"
    nb.cells.insert(index_of(nb, solution_ids(nb)[0]),
                    nbformat.v4.new_code_cell(f"%%writefile my_{assignment}.py\n{module}"))
    write(folder, nb, name)


def magics(assignment, folder, name):
    nb = reference(assignment)
    nb.cells.insert(index_of(nb, "imports") + 1, nbformat.v4.new_code_cell(
        "%matplotlib inline\n%load_ext autoreload\n%autoreload 2\n!pip --version\n"
        "%timeit -n 1 -r 1 np.zeros(3)\nprint(sorted(k for k in globals() if not k.startswith('_'))[:3])"))
    for grade_id in solution_ids(nb):
        cell = nb.cells[index_of(nb, grade_id)]
        cell.source = "%%time\n" + cell.source
    write(folder, nb, name)


def moved_to_top(assignment, folder, name):
    # Every exercise moved up under the imports, to have the work in one place.
    nb = reference(assignment)
    moved = [nb.cells.pop(index_of(nb, grade_id)) for grade_id in solution_ids(nb)]
    position = index_of(nb, "imports") + 1
    nb.cells[position:position] = moved
    write(folder, nb, name)


def moved_above_the_helper_it_calls(assignment, folder, name):
    # gradient_check written with the provided two_sided, and moved above the cell that defines it.
    assert assignment == "gradient_checking"
    nb = reference(assignment)
    cell = nb.cells.pop(index_of(nb, "gradient_check"))
    cell.source = cell.source.replace(
        "    J_plus = forward_propagation(x, theta_plus)\n    J_minus = forward_propagation(x, theta_minus)\n"
        "    gradapprox = (J_plus - J_minus) / (2 * epsilon)\n",
        "    gradapprox = two_sided(lambda t: forward_propagation(x, t), theta, epsilon)\n")
    assert "two_sided" in cell.source
    nb.cells.insert(index_of(nb, "imports") + 1, cell)
    write(folder, nb, name)


def pasted_cells(assignment, folder, name):
    # A first attempt pasted above each exercise, and the whole exercise cell pasted again at the
    # end of the notebook (metadata and all) to keep a copy.
    nb = reference(assignment)
    for grade_id in solution_ids(nb):
        position = index_of(nb, grade_id)
        attempt = nbformat.v4.new_code_cell(renamed(nb.cells[position].source, grade_id, grade_id)
                                            .replace("### BEGIN SOLUTION", "raise NotImplementedError('first try')"))
        pasted = copy.deepcopy(nb.cells[position])
        pasted.id = f"pasted-{position}"   # Jupyter gives a pasted cell an id of its own
        nb.cells.append(pasted)
        nb.cells.insert(position, attempt)
    write(folder, nb, name)


def big_outputs(assignment, folder, name):
    # Saved after running everything: 18 MiB of figures, and an image pasted into a Markdown cell.
    nb = reference(assignment)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    figure = "iVBORw0KGgo" + "A" * (18 * 2 ** 20 // len(code))
    for cell in code:
        cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": figure, "text/plain": "<Figure>"})]
    nb.cells.append(nbformat.v4.new_markdown_cell("![my plot](attachment:plot.png)",
                                                  attachments={"plot.png": {"image/png": figure}}))
    write(folder, nb, name)


def many_files(assignment, folder, name):
    plain(assignment, folder, name)
    for index in range(210):   # the frames of an animation of the training, beside the notebook
        (folder / f"frame_{index:03d}.png").write_bytes(b"\x89PNG frame %d" % index)


def old_nbformat(assignment, folder, name):
    nb = nbformat.convert(reference(assignment), 3)
    (folder / name).write_text(nbformat.writes(nb, version=3))


def jupytext_round_trip(assignment, folder, name):
    # Edited as a percent-format .py file in an editor, then turned back into a notebook.
    import jupytext

    text = jupytext.writes(reference(assignment), fmt="py:percent")
    write(folder, jupytext.reads(text, fmt="py:percent"), name)


def crlf(assignment, folder, name):
    # Saved on Windows: CRLF in the file and in every cell's source.
    nb = reference(assignment)
    for cell in nb.cells:
        cell.source = cell.source.replace("\n", "\r\n")
    text = json.dumps(nb, indent=1, ensure_ascii=False).replace("\n", "\r\n")
    (folder / name).write_bytes(text.encode())


EVERY_ASSIGNMENT = [plain, helper_cell, subclassed_containers, helper_file, magics, moved_to_top, big_outputs, crlf]
CLASS = {
    "initialization": EVERY_ASSIGNMENT + [old_nbformat, split_cells],
    "regularization": EVERY_ASSIGNMENT + [jupytext_round_trip, pasted_cells, many_files],
    "dropout": EVERY_ASSIGNMENT + [old_nbformat, pasted_cells],
    "gradient_checking": EVERY_ASSIGNMENT + [jupytext_round_trip, split_cells, moved_above_the_helper_it_calls],
}


def student(shape):
    return shape.__name__


def hand_in(course_root, assignment):
    """Write the class of `assignment` into course_root/submitted/; returns the student ids."""
    for shape in CLASS[assignment]:
        folder = course_root / "submitted" / student(shape) / assignment
        folder.mkdir(parents=True)
        shape(assignment, folder, f"{assignment}.ipynb")
    return [student(shape) for shape in CLASS[assignment]]
