"""Calls the provided backward_propagation and adds the penalty in a dict comprehension over the keys.

expect: pass
"""
import numpy as np

from course.network import backward_propagation


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = Y.shape[1]
    weights = {"dW1": cache[2], "dW2": cache[6], "dW3": cache[10]}
    grads = backward_propagation(X, Y, cache)
    return {key: (value + (lambd / m) * weights[key] if key in weights else value) for key, value in grads.items()}
