"""Loops over the keys of parameters and keeps the ones that start with "W".

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)
    weight_sum = 0
    for key, value in parameters.items():
        if key.startswith("W"):
            weight_sum = weight_sum + np.sum(value ** 2)
    cost = cross_entropy_cost + lambd / (2 * m) * weight_sum
    return cost
