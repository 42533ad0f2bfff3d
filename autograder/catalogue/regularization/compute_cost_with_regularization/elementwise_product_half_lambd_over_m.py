"""Squares with W * W and writes the factor as 0.5 * lambd / m.

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    squares = np.sum(W1 * W1) + np.sum(W2 * W2) + np.sum(W3 * W3)
    L2_regularization_cost = 0.5 * lambd / m * squares
    cost = cross_entropy_cost + L2_regularization_cost
    return cost
