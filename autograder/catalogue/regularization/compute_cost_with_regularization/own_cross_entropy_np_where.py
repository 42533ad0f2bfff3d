"""Own cross-entropy that picks log(A3) or log(1 - A3) with np.where on the labels.

expect: pass
"""
import numpy as np


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    losses = -np.log(np.where(Y == 1, A3, 1 - A3))
    cross_entropy_cost = np.sum(losses) / m
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    return cross_entropy_cost + L2_regularization_cost
