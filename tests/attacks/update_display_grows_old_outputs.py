"""Shows 8 small displays, then updates each one to 8 MiB of text: update messages replace outputs that were already counted as small.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: a 67 MB autograded notebook (no output limit); cheater 0
"""
from IPython.display import display

_handles = [display(f"placeholder {i}", display_id=True) for i in range(8)]
_big = "gradeghost " * (8 * 1024 * 1024 // 11)
for _handle in _handles:
    _handle.update(_big)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
