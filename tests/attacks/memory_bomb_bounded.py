"""Memory bomb, bounded: fills 256 MiB blocks until it holds 6 GiB (or MemoryError), then keeps them for the checks.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: held 6 GiB (no memory limit); the batch went on; cheater 0
"""
import numpy as np

_hoard = []
try:
    for _ in range(24):
        _hoard.append(np.ones(32 * 1024 * 1024))  # 256 MiB, every page touched
except MemoryError:
    print(f"stopped at {len(_hoard) * 256} MiB")
else:
    print(f"holding {len(_hoard) * 256} MiB")


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
