"""Returns -x.

expect: fail
"""
import numpy as np


def backward_propagation(x, theta):
    return -x
