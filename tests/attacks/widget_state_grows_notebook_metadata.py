"""Opens a Jupyter widget comm whose state holds 24 MiB of text: nbclient keeps widget state in the notebook's metadata, outside the outputs that are counted.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: a 25 MB autograded notebook, the widget state in its metadata (no limit); cheater 0
"""
from ipykernel.comm import Comm

_state = {"_model_name": "HTMLModel", "_model_module": "@jupyter-widgets/controls", "_model_module_version": "2.0.0",
          "value": "gradeghost " * (24 * 1024 * 1024 // 11)}
_comm = Comm(target_name="jupyter.widget", data={"state": _state, "buffer_paths": []})


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
