"""Sum of squares with np.einsum('ij,ij->', W, W).

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    sum_sq = np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2) + np.einsum('ij,ij->', W3, W3)
    L2_regularization_cost = lambd * sum_sq / (2 * m)
    cost = cross_entropy_cost + L2_regularization_cost
    return cost
