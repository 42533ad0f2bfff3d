"""3 * theta ** 2 without x.

expect: fail
"""
import numpy as np


def backward_propagation(x, theta):
    return 3 * theta ** 2
