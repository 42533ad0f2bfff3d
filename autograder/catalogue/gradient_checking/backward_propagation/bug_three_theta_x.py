"""3 * theta * x.

expect: fail
"""
import numpy as np


def backward_propagation(x, theta):
    return 3 * theta * x
