"""Loop range(1, 3) stops at layer 2, so ||W3||^2 is left out.

expect: fail
mentions: L2 term
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = 0
    for l in range(1, 3):
        L2_regularization_cost += np.sum(np.square(parameters["W" + str(l)]))
    L2_regularization_cost *= lambd / (2 * m)
    cost = cross_entropy_cost + L2_regularization_cost
    return cost
