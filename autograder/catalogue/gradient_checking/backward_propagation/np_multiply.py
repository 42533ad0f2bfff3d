"""np.multiply of 3 theta^2 and x.

expect: pass
"""
import numpy as np


def backward_propagation(x, theta):
    return np.multiply(3 * theta ** 2, x)
