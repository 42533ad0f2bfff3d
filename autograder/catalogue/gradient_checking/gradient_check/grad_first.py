"""Computes grad before gradapprox.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    return theta ** 3 * x


def backward_propagation(x, theta):
    return 3 * theta ** 2 * x


def gradient_check(x, theta, epsilon=1e-7, print_msg=False):

    grad = backward_propagation(x, theta)
    gradapprox = (forward_propagation(x, theta + epsilon) - forward_propagation(x, theta - epsilon)) / (2 * epsilon)
    return np.linalg.norm(gradapprox - grad) / (np.linalg.norm(gradapprox) + np.linalg.norm(grad))
