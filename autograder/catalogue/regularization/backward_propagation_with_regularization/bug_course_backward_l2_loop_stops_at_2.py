"""Calls the provided backward_propagation but its loop range(1, 3) never regularizes dW3.

expect: fail
mentions: dW3, L2 term
"""
import numpy as np

from course.network import backward_propagation


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    weights = [cache[2], cache[6], cache[10]]
    grads = backward_propagation(X, Y, cache)
    for l in range(1, 3):
        grads["dW" + str(l)] = grads["dW" + str(l)] + lambd / m * weights[l - 1]
    return grads
