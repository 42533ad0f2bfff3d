"""-3 * theta ** 2 * x.

expect: fail
"""
import numpy as np


def backward_propagation(x, theta):
    return -3 * theta ** 2 * x
