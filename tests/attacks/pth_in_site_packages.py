"""Drops a .pth file with an import line into the virtualenv's site-packages, which every later Python of that environment runs at start-up.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: persist-startup
old: wrote gradeghost.pth into the environment's site-packages; every later Python of that environment ran its line (a marker file in /tmp); cheater 0
"""
import os
import site

# Harmless payload: it only leaves an empty marker file in /tmp when a Python starts.
_LINE = ('import os; os.path.isdir("/tmp") and open(os.path.join("/tmp", "gradeghost-pth-ran-%d" % os.getpid()), "w")'
         '.close()\n')
for _folder in site.getsitepackages():
    try:
        with open(os.path.join(_folder, "gradeghost.pth"), "x") as _file:
            _file.write(_LINE)
        break
    except OSError as _error:
        print(_error)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
