"""Takes m from A3.shape[1] and keeps the 1/m outside: (1 / m) * (dZ @ A.T + lambd * W).

expect: pass
"""
import numpy as np


def backward_propagation_with_regularization(X, Y, cache, lambd):
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    m = A3.shape[1]
    dZ3 = A3 - Y
    dW3 = (1 / m) * (dZ3 @ A2.T + lambd * W3)
    db3 = (1 / m) * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = (1 / m) * (dZ2 @ A1.T + lambd * W2)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = (1 / m) * (dZ1 @ X.T + lambd * W1)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
