"""Loops l = 1..3 over parameters[f"W{l}"] to accumulate the squared norms.

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    L = len(parameters) // 2
    cross_entropy_cost = compute_cost(A3, Y)
    total = 0.0
    for l in range(1, L + 1):
        total += np.sum(np.square(parameters[f"W{l}"]))
    L2_regularization_cost = lambd / (2 * m) * total
    cost = cross_entropy_cost + L2_regularization_cost
    return cost
