"""Reference solutions of the L2 regularization assignment.

Each function below is, line for line, the solution cell of source/regularization/regularization.ipynb
between the nbgrader solution markers (tests/test_assignments.py keeps them equal).
"""

import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """
    Inputs:
    - A3: (1, m) output of forward propagation, the predicted probabilities
    - Y: (1, m) labels in {0, 1}
    - parameters: dict with W1 (n1, n_x), b1, W2 (n2, n1), b2, W3 (1, n2), b3
    - lambd: the regularization strength lambda (a number >= 0)
    Returns:
    - cost: a float, the cross-entropy plus lambd / (2 m) * (||W1||^2 + ||W2||^2 + ||W3||^2)
    """
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    ### BEGIN SOLUTION
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    cost = cross_entropy_cost + L2_regularization_cost
    ### END SOLUTION
    return cost


def backward_propagation_with_regularization(X, Y, cache, lambd):
    """
    Inputs:
    - X: (n_x, m) input data, Y: (1, m) labels
    - cache: (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3), returned by forward_propagation
    - lambd: the regularization strength lambda
    Returns:
    - gradients: dict with dW1, db1, dW2, db2, dW3, db3, the gradients of the regularized cost
      (same shapes as the parameters)
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    ### BEGIN SOLUTION
    dZ3 = A3 - Y
    dW3 = 1 / m * np.dot(dZ3, A2.T) + lambd / m * W3
    db3 = 1 / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = dA2 * (A2 > 0)
    dW2 = 1 / m * np.dot(dZ2, A1.T) + lambd / m * W2
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = dA1 * (A1 > 0)
    dW1 = 1 / m * np.dot(dZ1, X.T) + lambd / m * W1
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
    ### END SOLUTION
    # Add intermediate values (dZ3, dA2, ...) to the dict if you like: they are not graded.
    gradients = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}
    return gradients
