"""Patches its kernel to answer every later execute request with an error reply that has no ename: the grader's reply handling raises, nbgrader fails this submission, and the grading command stops before the students after it.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: kernel-protocol
old: nbgrader failed the submission (KeyError 'ename') and the command stopped (exit 1): the honest student after it was never graded
"""
import IPython

_kernel = getattr(IPython, "get_" + "ipython")().kernel
_send = _kernel.session.send


def _send_without_ename(stream, msg_or_type, content=None, *args, **kwargs):
    if msg_or_type == "execute_reply" and isinstance(content, dict):
        content = {"status": "error", "execution_count": content.get("execution_count", 0)}
    return _send(stream, msg_or_type, content, *args, **kwargs)


_kernel.session.send = _send_without_ename


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
