"""Own cross-entropy with np.dot(Y, log(A3).T), which is (1, 1), squeezed to a 0-d array at the end.

expect: pass
"""
import numpy as np


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = -1 / m * (np.dot(Y, np.log(A3).T) + np.dot(1 - Y, np.log(1 - A3).T))
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    cost = np.squeeze(cross_entropy_cost + L2_regularization_cost)
    return cost
