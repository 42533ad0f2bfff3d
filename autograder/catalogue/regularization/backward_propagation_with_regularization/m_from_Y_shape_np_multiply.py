"""Takes m from Y.shape[1] and writes the penalty as np.multiply(lambd / m, W).

expect: pass
"""
import numpy as np


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = Y.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = np.subtract(A3, Y)
    dW3 = np.divide(np.dot(dZ3, A2.T), m) + np.multiply(lambd / m, W3)
    db3 = np.divide(np.sum(dZ3, axis=1, keepdims=True), m)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.greater(Z2, 0))
    dW2 = np.divide(np.dot(dZ2, A1.T), m) + np.multiply(lambd / m, W2)
    db2 = np.divide(np.sum(dZ2, axis=1, keepdims=True), m)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.greater(Z1, 0))
    dW1 = np.divide(np.dot(dZ1, X.T), m) + np.multiply(lambd / m, W1)
    db1 = np.divide(np.sum(dZ1, axis=1, keepdims=True), m)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
