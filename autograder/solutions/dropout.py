"""Reference solutions of the dropout assignment.

Each function below is, line for line, the solution cell of source/dropout/dropout.ipynb
between the nbgrader solution markers (tests/test_assignments.py keeps them equal).
"""

import numpy as np

from course.network import relu, sigmoid


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """
    Inputs:
    - X: (n_x, m) input data
    - parameters: dict with W1 (n1, n_x), b1 (n1, 1), W2 (n2, n1), b2 (n2, 1), W3 (1, n2), b3 (1, 1)
    - keep_prob: probability of keeping each hidden unit, for each example (0 < keep_prob <= 1)
    Returns:
    - A3: (1, m) predicted probabilities of class 1
    - cache: (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3), where D1 (n1, m) and
      D2 (n2, m) are the 0/1 dropout masks of the two hidden layers
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    ### BEGIN SOLUTION
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1]) < keep_prob
    A1 = A1 * D1 / keep_prob

    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1]) < keep_prob
    A2 = A2 * D2 / keep_prob

    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    ### END SOLUTION
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """
    Inputs:
    - X: (n_x, m) input data, Y: (1, m) labels
    - cache: (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3), from forward_propagation_with_dropout
    - keep_prob: the probability of keeping a unit that the forward pass used
    Returns:
    - gradients: dict with dW1, db1, dW2, db2, dW3, db3 (same shapes as the parameters)
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    ### BEGIN SOLUTION
    dZ3 = A3 - Y
    dW3 = 1 / m * np.dot(dZ3, A2.T)
    db3 = 1 / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 * D2 / keep_prob
    dZ2 = dA2 * (Z2 > 0)
    dW2 = 1 / m * np.dot(dZ2, A1.T)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dA1 = dA1 * D1 / keep_prob
    dZ1 = dA1 * (Z1 > 0)
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
    gradients = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}
    ### END SOLUTION
    return gradients
