"""Uses the @ operator, divides by m at the end of each line, and returns only the six gradients.

expect: pass
"""
import numpy as np


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    dZ3 = A3 - Y
    dW3 = (dZ3 @ A2.T + lambd * W3) / m
    db3 = dZ3.sum(axis=1, keepdims=True) / m
    dZ2 = (W3.T @ dZ3) * (A2 > 0)
    dW2 = (dZ2 @ A1.T + lambd * W2) / m
    db2 = dZ2.sum(axis=1, keepdims=True) / m
    dZ1 = (W2.T @ dZ2) * (A1 > 0)
    dW1 = (dZ1 @ X.T + lambd * W1) / m
    db1 = dZ1.sum(axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}
