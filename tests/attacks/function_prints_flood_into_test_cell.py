"""The function prints 30 MiB on one line each time a check calls it: the checks echo it into the test cell's output, which the grader writes itself.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: a 94 MB autograded notebook (no output limit); cheater 0
"""


def initialize_parameters_he(layers_dims):
    print("gradeghost " * (30 * 1024 * 1024 // 11))
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
