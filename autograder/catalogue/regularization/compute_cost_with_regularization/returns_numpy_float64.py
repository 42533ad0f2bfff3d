"""Correct solution that returns an np.float64 built from the two parts.

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = np.float64(compute_cost(A3, Y))
    l2 = np.sum([np.sum(np.square(parameters[k])) for k in ("W1", "W2", "W3")])
    cost = np.float64(cross_entropy_cost + lambd * l2 / (2 * m))
    return cost
