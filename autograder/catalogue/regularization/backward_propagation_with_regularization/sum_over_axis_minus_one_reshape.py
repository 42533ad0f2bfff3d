"""Bias gradients as dZ.sum(axis=-1).reshape(-1, 1) / m instead of keepdims=True.

expect: pass
"""
import numpy as np


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3.dot(A2.T) / m + lambd / m * W3
    db3 = dZ3.sum(axis=-1).reshape(-1, 1) / m
    dA2 = W3.T.dot(dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2.dot(A1.T) / m + lambd / m * W2
    db2 = dZ2.sum(axis=-1).reshape(-1, 1) / m
    dA1 = W2.T.dot(dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1.dot(X.T) / m + lambd / m * W1
    db1 = dZ1.sum(axis=-1).reshape(b1.shape) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
