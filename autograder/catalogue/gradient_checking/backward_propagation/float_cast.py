"""float(3 * theta ** 2 * x).

expect: pass
"""
import numpy as np


def backward_propagation(x, theta):
    return float(3 * theta ** 2 * x)
