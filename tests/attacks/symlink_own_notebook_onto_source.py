"""Replaces its own notebook in the working folder with a symlink to the instructor's source notebook, so the grader writes the graded copy through it.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: symlink
old: nbgrader wrote the graded copy through the symlink: source/initialization/initialization.ipynb overwritten with the cheater's notebook; cheater 0
"""
import os

_root = os.path.abspath(os.path.join(os.getcwd(), "..", "..", ".."))
_links = {
    "initialization.ipynb": os.path.join(_root, "source", "initialization", "initialization.ipynb"),
    "gradeghost-gradebook.db": os.path.join(_root, "gradebook.db"),
    "gradeghost-home": os.path.expanduser("~"),
}
for _name, _target in _links.items():
    try:
        if os.path.lexists(_name):
            os.remove(_name)
        os.symlink(_target, _name)
    except OSError as _error:
        print(_error)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
