"""Computes each Frobenius norm by hand as np.sqrt(np.sum(W ** 2)) and squares it again.

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    norms = [np.sqrt(np.sum(parameters["W%d" % l] ** 2)) for l in (1, 2, 3)]
    L2_regularization_cost = lambd / (2 * m) * (norms[0] ** 2 + norms[1] ** 2 + norms[2] ** 2)
    cost = compute_cost(A3, Y) + L2_regularization_cost
    return cost
