"""Returns J = theta ** 3 * x.

expect: fail
mentions: J itself
"""
import numpy as np


def backward_propagation(x, theta):
    return theta ** 3 * x
