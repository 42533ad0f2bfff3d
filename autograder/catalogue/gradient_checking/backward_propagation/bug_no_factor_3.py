"""theta ** 2 * x: the 3 of the power rule is missing.

expect: fail
mentions: factor 3
"""
import numpy as np


def backward_propagation(x, theta):
    return theta ** 2 * x
