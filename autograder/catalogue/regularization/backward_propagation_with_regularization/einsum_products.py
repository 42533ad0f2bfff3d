"""Weight gradients with np.einsum('ij,kj->ik', dZ, A_prev) and back-propagation with np.einsum too.

expect: pass
"""
import numpy as np


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = np.einsum('ij,kj->ik', dZ3, A2) / m + lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = np.einsum('ji,jk->ik', W3, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = np.einsum('ij,kj->ik', dZ2, A1) / m + lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = np.einsum('ji,jk->ik', W2, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = np.einsum('ij,kj->ik', dZ1, X) / m + lambd / m * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3,
            "dA1": dA1, "dA2": dA2, "dZ1": dZ1, "dZ2": dZ2, "dZ3": dZ3}
