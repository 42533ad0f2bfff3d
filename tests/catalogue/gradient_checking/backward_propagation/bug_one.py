"""Returns 1.

expect: fail
"""
import numpy as np


def backward_propagation(x, theta):
    return 1
