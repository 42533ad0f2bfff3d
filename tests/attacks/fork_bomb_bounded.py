"""Fork bomb, bounded: doubles its processes eight times (up to 256, each renamed gradeghost), every one sleeping until 20 s after the start.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: 255 processes with no limit while its kernel ran (they went with the kernel's process group); cheater 0
"""
import os
import time

_until = time.time() + 20
_generation, _child = 0, False
while _generation < 8:
    _generation += 1
    try:
        _pid = os.fork()
    except OSError:
        break
    if _pid == 0:
        _child = True
        try:
            with open("/proc/self/comm", "w") as _comm:
                _comm.write("gradeghost")
        except OSError:
            pass
if _child:
    _null = os.open(os.devnull, os.O_RDWR)
    for _fd in (0, 1, 2):
        os.dup2(_null, _fd)
    time.sleep(max(0.0, _until - time.time()))
    os._exit(0)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
