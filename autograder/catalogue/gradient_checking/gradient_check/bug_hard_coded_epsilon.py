"""Shifts theta by 1e-7 whatever epsilon is passed.

expect: fail
mentions: argument epsilon
"""
import numpy as np


def forward_propagation(x, theta):
    return theta ** 3 * x


def backward_propagation(x, theta):
    return 3 * theta ** 2 * x


def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    e = 1e-7
    J_plus = forward_propagation(x, theta + e)
    J_minus = forward_propagation(x, theta - e)
    gradapprox = (J_plus - J_minus) / (2 * e)
    grad = backward_propagation(x, theta)
    return np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
