"""Prints 64 MiB of text on a single line (nbgrader's LimitOutput only cuts lines), which lands in the autograded notebook and the feedback.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: a 67 MB autograded notebook and feedback page (no output limit); cheater 0
"""
_chunk = "gradeghost " * (1024 * 1024 // 11)  # about 1 MiB, no newline
for _ in range(64):
    print(_chunk, end="")
print()


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
