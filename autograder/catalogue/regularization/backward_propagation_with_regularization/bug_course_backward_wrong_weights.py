"""Calls the provided backward_propagation but unpacks the cache at the wrong positions, regularizing with biases.

expect: fail
mentions: dW3
"""
import numpy as np

from course.network import backward_propagation


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    W1, W2, W3 = cache[3], cache[7], cache[11]
    grads = backward_propagation(X, Y, cache)
    grads["dW1"] = grads["dW1"] + lambd / m * W1
    grads["dW2"] = grads["dW2"] + lambd / m * W2
    grads["dW3"] = grads["dW3"] + lambd / m * W3
    return grads
