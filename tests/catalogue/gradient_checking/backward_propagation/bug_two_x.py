"""Returns 2 * x.

expect: fail
"""
import numpy as np


def backward_propagation(x, theta):
    return 2 * x
