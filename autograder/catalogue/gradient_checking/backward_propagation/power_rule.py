"""dtheta = 3 * theta ** 2 * x.

expect: pass
"""
import numpy as np


def backward_propagation(x, theta):
    dtheta = 3 * theta ** 2 * x
    return dtheta
