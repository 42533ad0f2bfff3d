"""Penalty gradient divided by n_x: m is taken from X.shape[0].

expect: fail
mentions: dW3, L2 term
"""
import numpy as np


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[0]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    n_examples = Y.shape[1]
    dZ3 = A3 - Y
    dW3 = np.dot(dZ3, A2.T) / n_examples + lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / n_examples
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.dot(dZ2, A1.T) / n_examples + lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / n_examples
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.dot(dZ1, X.T) / n_examples + lambd / m * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / n_examples
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}
