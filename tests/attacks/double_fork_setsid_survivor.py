"""Double-forks a daemon (setsid, renamed gradeghost) that outlives grading and, 20 s later, writes a file into the course root.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: detached-process
old: outlived its kernel and wrote gradeghost-was-here.txt into the course root 20 s later; cheater 0
"""
import os
import time

_root = os.path.abspath(os.path.join(os.getcwd(), "..", "..", ".."))
if os.fork() == 0:
    os.setsid()
    if os.fork() != 0:
        os._exit(0)
    try:
        with open("/proc/self/comm", "w") as _comm:
            _comm.write("gradeghost")
        _null = os.open(os.devnull, os.O_RDWR)
        for _fd in (0, 1, 2):
            os.dup2(_null, _fd)
        time.sleep(20)
        with open(os.path.join(_root, "gradeghost-was-here.txt"), "w") as _file:
            _file.write("written after grading by a process the student left behind\n")
    finally:
        os._exit(0)
else:
    os.wait()


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
