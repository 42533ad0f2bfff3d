"""Regularizes every parameter, biases b1, b2, b3 included, by looping over all keys.

expect: fail
mentions: L2 term
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)
    total = 0
    for key in parameters:
        total += np.sum(np.square(parameters[key]))
    L2_regularization_cost = lambd / (2 * m) * total
    return cross_entropy_cost + L2_regularization_cost
