"""Computes the three penalty gradients reg_l = lambd / m * W_l first, then the rest.

expect: pass
"""
import numpy as np


def backward_propagation_with_regularization(X, Y, cache, lambd):
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    m = X.shape[1]
    coeff = lambd / m
    reg1, reg2, reg3 = coeff * W1, coeff * W2, coeff * W3

    dZ3 = A3 - Y
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)

    grads = {}
    grads["dW1"] = np.dot(dZ1, X.T) / m + reg1
    grads["db1"] = np.sum(dZ1, axis=1, keepdims=True) / m
    grads["dW2"] = np.dot(dZ2, A1.T) / m + reg2
    grads["db2"] = np.sum(dZ2, axis=1, keepdims=True) / m
    grads["dW3"] = np.dot(dZ3, A2.T) / m + reg3
    grads["db3"] = np.sum(dZ3, axis=1, keepdims=True) / m
    return grads
