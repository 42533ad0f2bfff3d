"""Prints the instructor's notebook (hidden tests and solutions) and the hidden-check module into its own output, which goes back to the student as feedback.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: leak-secrets
old: the source notebook (solutions, hidden tests) and autograder's check and solution modules in its outputs and feedback; cheater 0
"""
import glob
import json
import os
import sys

_root = os.path.abspath(os.path.join(os.getcwd(), "..", "..", ".."))
for _path in glob.glob(os.path.join(_root, "source", "*", "*.ipynb")):
    with open(_path) as _file:
        for _cell in json.load(_file)["cells"]:
            if _cell["cell_type"] == "code":
                print("".join(_cell["source"]))
for _entry in sys.path:
    for _path in glob.glob(os.path.join(_entry, "auto*", "*", "initialization.py")):
        with open(_path) as _file:
            print(_file.read())


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
