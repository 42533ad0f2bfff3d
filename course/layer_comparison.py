"""Two implementations of the forward and backward passes of an L-layer network, to compare layer by layer.

The network: LINEAR -> RELU repeated L - 1 times, then LINEAR -> SIGMOID, for the mean cross-entropy
cost, built from course.network's relu and sigmoid. Shapes follow the course convention: one example
per column, W[l]: (n[l], n[l-1]), b[l]: (n[l], 1), A[l]: (n[l], m); parameters has W1, b1, ..., WL, bL.

- trusted_forward, trusted_backward: the implementation to trust.
- student_forward, student_backward: the same network written as a student might, with other (equally
  right) orders of operations, so its numbers differ from the trusted ones by round-off, and with one
  bug of the kind backpropagation invites. Finding where is the notebook's exercise.
"""

import numpy as np

from course.network import relu, sigmoid


def _layers(parameters):
    return len(parameters) // 2


def trusted_forward(X, parameters):
    """The activations [A1, ..., AL] of X (n_x, m): A[l] = relu(W[l] A[l-1] + b[l]), and A[L] the sigmoid."""
    L = _layers(parameters)
    activations, A = [], X
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        A = sigmoid(Z) if l == L else relu(Z)
        activations.append(A)
    return activations


def trusted_backward(X, Y, parameters, activations):
    """The gradients {dW1, db1, ..., dWL, dbL} of the mean cross-entropy, from the activations of trusted_forward."""
    L, m = _layers(parameters), X.shape[1]
    grads = {}
    dZ = activations[-1] - Y
    for l in range(L, 0, -1):
        A_prev = X if l == 1 else activations[l - 2]
        grads[f"dW{l}"] = dZ @ A_prev.T / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        if l > 1:
            dZ = (parameters[f"W{l}"].T @ dZ) * (A_prev > 0)   # relu'(Z[l-1]) is 1 where A[l-1] > 0
    return grads


def student_forward(X, parameters):
    """A student's forward pass: the same activations as trusted_forward, up to round-off."""
    activations = []
    A = X
    for l in range(1, _layers(parameters) + 1):
        Z = (A.T @ parameters[f"W{l}"].T).T + parameters[f"b{l}"]
        A = 1 / (1 + np.exp(-Z)) if l == _layers(parameters) else np.where(Z > 0, Z, 0.0)
        activations.append(A)
    return activations


def student_backward(X, Y, parameters, activations):
    """A student's backward pass, meant to give the gradients of trusted_backward (it has one bug)."""
    L, m = _layers(parameters), Y.shape[1]
    grads = {}
    dA = -(Y / activations[-1] - (1 - Y) / (1 - activations[-1]))
    dZ = dA * activations[-1] * (1 - activations[-1])
    for l in reversed(range(1, L + 1)):
        A_prev = activations[l - 2] if l > 1 else X
        grads["dW" + str(l)] = (1 / m) * np.dot(dZ, A_prev.T)
        grads["db" + str(l)] = (1 / m) * dZ.sum(axis=1, keepdims=True)
        if l > 1:
            dA = np.dot(parameters["W" + str(l)].T, dZ)
            dZ = dA * (A_prev >= 0)
    return grads
