"""Prints 64 MiB of text, which nbgrader stores in the autograded notebook and renders into the feedback.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: PENDING
"""
_line = "gradeghost " * 95 + "\n"  # about 1 KiB
for _ in range(64):
    print(_line * 1024, end="")


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
