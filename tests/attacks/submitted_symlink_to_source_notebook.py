"""Hands in a symlink next to the notebook that points at the instructor's source notebook; the grader copies what it points to into the working folder, and the cell runs the solution from it.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: symlink
links: notes.json -> ../../../source/initialization/initialization.ipynb
old: full marks (2/2): nbgrader copied the source notebook in through the symlink
"""
import json

import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters


try:
    with open("notes.json") as _file:
        for _cell in json.load(_file)["cells"]:
            if _cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "initialize_parameters_he":
                _namespace = {"np": np}
                getattr(print.__self__, "ex" + "ec")("".join(_cell["source"]), _namespace)
                initialize_parameters_he = _namespace["initialize_parameters_he"]
except (OSError, ValueError) as _error:
    print(_error)
