"""Correct solution that prints m, both parts of the cost and the total.

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    print("m =", m, "lambd =", lambd)
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]
    print("shapes:", W1.shape, W2.shape, W3.shape)
    cross_entropy_cost = compute_cost(A3, Y)
    print("cross entropy:", cross_entropy_cost)
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    print("L2 part:", L2_regularization_cost)
    cost = cross_entropy_cost + L2_regularization_cost
    print("total cost:", cost)
    return cost
