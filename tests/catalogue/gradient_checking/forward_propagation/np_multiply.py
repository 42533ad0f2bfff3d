"""np.multiply.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    return np.multiply(theta, x)
