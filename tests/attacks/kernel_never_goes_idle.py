"""Patches its kernel never to publish the "idle" status after a cell: the grader's wait for the cell's output times out with an error that stops nbgrader for this submission, and the grading command with it.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: kernel-protocol
old: nbgrader failed the submission (CellTimeoutError waiting for IOPub) and the command stopped (exit 1): the honest student after it was never graded
"""
import IPython

_kernel = getattr(IPython, "get_" + "ipython")().kernel
_publish = _kernel._publish_status


def _never_idle(status, *args, **kwargs):
    if status != "idle":
        return _publish(status, *args, **kwargs)


_kernel._publish_status = _never_idle


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
