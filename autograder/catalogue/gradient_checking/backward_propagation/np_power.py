"""3 * np.power(theta, 2) * x.

expect: pass
"""
import numpy as np


def backward_propagation(x, theta):
    return 3 * np.power(theta, 2) * x
