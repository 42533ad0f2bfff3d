"""Own cross-entropy written with np.mean instead of a sum divided by m.

expect: pass
"""
import numpy as np


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = -np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3))
    reg = np.sum(parameters["W1"] ** 2) + np.sum(parameters["W2"] ** 2) + np.sum(parameters["W3"] ** 2)
    return cross_entropy_cost + lambd / (2 * m) * reg
