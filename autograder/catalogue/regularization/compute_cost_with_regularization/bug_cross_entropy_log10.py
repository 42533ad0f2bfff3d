"""Own cross-entropy with np.log10 instead of the natural logarithm.

expect: fail
mentions: cross-entropy
"""
import numpy as np


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = -np.sum(Y * np.log10(A3) + (1 - Y) * np.log10(1 - A3)) / m
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    return cross_entropy_cost + L2_regularization_cost
