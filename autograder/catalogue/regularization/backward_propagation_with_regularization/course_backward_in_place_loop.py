"""Calls the provided backward_propagation, then += lambd / m * W in a loop over the layers.

expect: pass
"""
import numpy as np

from course.network import backward_propagation


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    W = {1: cache[2], 2: cache[6], 3: cache[10]}
    grads = backward_propagation(X, Y, cache)
    for l in range(1, 4):
        grads[f"dW{l}"] += lambd / m * W[l]
    return grads
