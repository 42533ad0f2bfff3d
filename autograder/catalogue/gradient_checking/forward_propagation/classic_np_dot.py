"""np.dot as in the classic course's J = np.dot(theta, x), with the cube.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    J = np.dot(theta ** 3, x)
    return J
