"""np.power(theta, 3) * x.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    return np.power(theta, 3) * x
