"""A learner's classic-course answer with np.subtract, np.add and the gradapprox - grad order.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    return theta ** 3 * x


def backward_propagation(x, theta):
    return 3 * theta ** 2 * x


def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    thetaplus = theta + epsilon
    thetaminus = theta - epsilon
    J_plus = forward_propagation(x, thetaplus)
    J_minus = forward_propagation(x, thetaminus)
    gradapprox = np.divide(np.subtract(J_plus, J_minus), 2 * epsilon)
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(np.subtract(gradapprox, grad))
    denominator = np.add(np.linalg.norm(grad), np.linalg.norm(gradapprox))
    difference = np.divide(numerator, denominator)
    return difference
