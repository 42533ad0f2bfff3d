"""Generic loop from layer 3 down to 1 over lists of weights and activations.

expect: pass
"""
import numpy as np


def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    A = [X, A1, A2, A3]
    Z = [None, Z1, Z2, Z3]
    W = [None, W1, W2, W3]
    grads = {}
    dZ = A3 - Y
    for l in range(3, 0, -1):
        grads["dZ" + str(l)] = dZ
        grads["dW" + str(l)] = 1 / m * np.dot(dZ, A[l - 1].T) + lambd / m * W[l]
        grads["db" + str(l)] = 1 / m * np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            dA = np.dot(W[l].T, dZ)
            grads["dA" + str(l - 1)] = dA
            dZ = dA * (Z[l - 1] > 0)
    return grads
