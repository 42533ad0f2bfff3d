"""3 * x * theta ** 2.

expect: pass
"""
import numpy as np


def backward_propagation(x, theta):
    return 3 * x * theta ** 2
