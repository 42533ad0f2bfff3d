"""A loop over the layers with dicts of the cached values.

expect: pass
"""
import numpy as np


def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    A = {0: X, 1: A1, 2: A2, 3: A3}
    Z = {1: Z1, 2: Z2}
    D = {1: D1, 2: D2}
    W = {1: W1, 2: W2, 3: W3}
    grads = {}
    dZ = A3 - Y
    for l in (3, 2, 1):
        grads[f"dW{l}"] = dZ @ A[l - 1].T / m
        grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
        if l > 1:
            dA = W[l].T @ dZ * D[l - 1] / keep_prob
            dZ = dA * (Z[l - 1] > 0)
    return grads
