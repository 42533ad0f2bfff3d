"""x * 1.0.

expect: pass
"""
import numpy as np


def backward_propagation(x, theta):
    return 1.0 * x
