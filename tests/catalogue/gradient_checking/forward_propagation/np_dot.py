"""np.dot of two numbers.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    J = np.dot(theta, x)
    return J
