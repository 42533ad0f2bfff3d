"""Casts every weight matrix to float64 before summing the squares.

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1 = parameters["W1"].astype(np.float64)
    W2 = parameters["W2"].astype(np.float64)
    W3 = parameters["W3"].astype(np.float64)
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = np.float64(lambd) / (2.0 * m) * (np.square(W1).sum() + np.square(W2).sum() + np.square(W3).sum())
    cost = cross_entropy_cost + L2_regularization_cost
    return cost
