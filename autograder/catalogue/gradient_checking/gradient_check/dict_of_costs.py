"""Keeps the two costs in a dict.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    return theta ** 3 * x


def backward_propagation(x, theta):
    return 3 * theta ** 2 * x


def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    J = {sign: forward_propagation(x, theta + sign * epsilon) for sign in (1, -1)}
    gradapprox = (J[1] - J[-1]) / (2 * epsilon)

    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference
