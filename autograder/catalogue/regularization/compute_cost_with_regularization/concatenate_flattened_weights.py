"""Concatenates the flattened weights into one vector and takes its dot product with itself.

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    all_weights = np.concatenate([parameters["W1"].flatten(), parameters["W2"].flatten(), parameters["W3"].flatten()])
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = lambd / (2 * m) * np.dot(all_weights, all_weights)
    cost = cross_entropy_cost + L2_regularization_cost
    return cost
