"""Calls the provided backward_propagation and adds lambd / m * W to each weight gradient.

expect: pass
"""
import numpy as np

from course.network import backward_propagation


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    gradients = backward_propagation(X, Y, cache)
    gradients["dW1"] = gradients["dW1"] + lambd / m * W1
    gradients["dW2"] = gradients["dW2"] + lambd / m * W2
    gradients["dW3"] = gradients["dW3"] + lambd / m * W3
    return gradients
