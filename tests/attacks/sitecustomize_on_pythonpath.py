"""Drops a sitecustomize.py into the first writable folder on sys.path, so every later Python (the next students' kernels) runs its code at start-up.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: persist-startup
old: dropped sitecustomize.py into the checkout (on the kernels' PYTHONPATH); later kernels ran it (marker file in /tmp); cheater 0
"""
import os
import sys

_PAYLOAD = '''# gradeghost
import os
try:
    open(os.path.join("/tmp", "gradeghost-sitecustomize-ran-%d" % os.getpid()), "w").close()
except OSError:
    pass
'''
for _entry in sys.path:
    if not _entry or "site-packages" in _entry or not os.path.isdir(_entry):
        continue
    try:
        with open(os.path.join(_entry, "sitecustomize.py"), "x") as _file:
            _file.write(_PAYLOAD)
        break
    except OSError:
        continue


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
