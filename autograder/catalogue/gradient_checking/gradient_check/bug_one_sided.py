"""The one-sided difference (J(theta + epsilon) - J(theta)) / epsilon.

expect: fail
mentions: one-sided
"""
import numpy as np


def forward_propagation(x, theta):
    return theta ** 3 * x


def backward_propagation(x, theta):
    return 3 * theta ** 2 * x


def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    J_plus = forward_propagation(x, theta + epsilon)
    J = forward_propagation(x, theta)
    gradapprox = (J_plus - J) / epsilon
    grad = backward_propagation(x, theta)
    return np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
