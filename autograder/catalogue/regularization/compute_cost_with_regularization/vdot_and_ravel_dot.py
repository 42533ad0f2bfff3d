"""Sum of squares with np.vdot(W, W) for two layers and W.ravel() @ W.ravel() for the third.

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    w3 = W3.ravel()
    L2_regularization_cost = lambd / (2 * m) * (np.vdot(W1, W1) + np.vdot(W2, W2) + np.dot(w3, w3))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost
