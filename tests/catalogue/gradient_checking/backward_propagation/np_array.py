"""np.asarray(x, dtype=float).

expect: pass
"""
import numpy as np


def backward_propagation(x, theta):
    return np.asarray(x, dtype=float)
