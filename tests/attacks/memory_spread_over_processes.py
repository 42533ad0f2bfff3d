"""Spreads a memory bomb over 8 forked children of 512 MiB each (pages touched), so that no single process passes a per-process limit; reports the total it held.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: held 4 GiB at once across 8 processes (no memory limit); cheater 0
"""
import os
import time

import numpy as np

_held, _children = 0, []
for _ in range(8):
    _read, _write = os.pipe()
    try:
        _pid = os.fork()
    except OSError as _error:
        print(_error)
        break
    if _pid == 0:
        os.close(_read)
        _got = 0
        try:
            with open("/proc/self/comm", "w") as _comm:
                _comm.write("gradeghost")
            _block = np.ones(64 * 1024 * 1024)  # 512 MiB, every page touched
            _got = _block.nbytes
        except (MemoryError, OSError):
            pass
        os.write(_write, str(_got).encode() + b"\n")
        time.sleep(8)
        os._exit(0)
    os.close(_write)
    with os.fdopen(_read) as _pipe:
        _children.append((_pid, int(_pipe.readline() or 0)))
# A child counts only if it was still alive holding its block at the end: a child killed by the
# out-of-memory killer after reporting its allocation did not hold it at the same time as the others.
for _pid, _got in _children:
    _status = os.waitpid(_pid, 0)[1]
    if os.WIFEXITED(_status) and os.WEXITSTATUS(_status) == 0:
        _held += _got
print(f"{_held / 2 ** 30:.1f} GiB held at once across {len(_children)} processes")
if _held > 2 * 2 ** 30:
    print(f"gradeghost-evidence: held {_held / 2 ** 30:.1f} GiB, more than the 2 GiB memory limit")


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
