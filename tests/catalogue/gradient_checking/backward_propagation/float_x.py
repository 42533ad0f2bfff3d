"""float(x).

expect: pass
"""
import numpy as np


def backward_propagation(x, theta):
    return float(x)
