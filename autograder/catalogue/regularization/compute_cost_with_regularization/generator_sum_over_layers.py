"""Builtin sum over a generator of np.sum(parameters["W" + str(l)] ** 2).

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = lambd / (2 * m) * sum(np.sum(parameters["W" + str(l)] ** 2) for l in range(1, 4))
    return cross_entropy_cost + L2_regularization_cost
