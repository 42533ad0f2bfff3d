"""np.matmul for the products and lambd * W / m for the penalty gradient.

expect: pass
"""
import numpy as np


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.matmul(dZ3, A2.T) / m + lambd * W3 / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.matmul(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.matmul(dZ2, A1.T) / m + lambd * W2 / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = np.matmul(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.matmul(dZ1, X.T) / m + lambd * W1 / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
