"""Adds the Frobenius norms np.linalg.norm(W) without squaring them.

expect: fail
mentions: L2 term
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = lambd / (2 * m) * (np.linalg.norm(W1) + np.linalg.norm(W2) + np.linalg.norm(W3))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost
