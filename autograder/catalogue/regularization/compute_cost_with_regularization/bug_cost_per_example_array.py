"""Own cross-entropy averaged with np.mean(axis=0), so it returns an array of m per-example costs.

expect: fail
mentions: float
"""
import numpy as np


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = -np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3), axis=0)
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    return cross_entropy_cost + L2_regularization_cost
