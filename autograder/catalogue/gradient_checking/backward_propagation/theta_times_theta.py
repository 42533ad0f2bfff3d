"""3 * theta * theta * x.

expect: pass
"""
import numpy as np


def backward_propagation(x, theta):
    return 3 * theta * theta * x
