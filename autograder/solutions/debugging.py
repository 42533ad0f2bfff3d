"""Reference solutions of the debugging assignment (setting up the problem, then debugging it).

Each function below is, line for line, the solution cell of source/debugging/debugging.ipynb
between the nbgrader solution markers (tests/test_assignments.py keeps them equal).
"""

import numpy as np

from course.tiny_set import IMPLEMENTATIONS


def normalize_inputs(X_train, X_dev, X_test):
    """
    Inputs:
    - X_train: (n_x, m_train) training inputs, one example per column
    - X_dev: (n_x, m_dev) dev inputs, X_test: (n_x, m_test) test inputs
    Returns:
    - X_train_norm, X_dev_norm, X_test_norm: each set minus the training mean mu, divided by the
      training standard deviation sigma, feature by feature (mu, sigma: (n_x, 1)); same shapes as
      the inputs
    """
    ### BEGIN SOLUTION
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True)
    X_train_norm = (X_train - mu) / sigma
    X_dev_norm = (X_dev - mu) / sigma
    X_test_norm = (X_test - mu) / sigma
    ### END SOLUTION
    return X_train_norm, X_dev_norm, X_test_norm


def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    """
    Inputs:
    - train_error, dev_error: error rates on the training and dev sets, fractions (0.15 for 15 %)
    - base_error: the best error reachable (human level, or the noise of the labels); 0 if unknown
    - tolerance: a gap larger than this is "high"
    Returns (diagnosis, remedy), two strings:
    - diagnosis: "high bias", "high variance", "both" or "neither"
    - remedy: what to try first: "bigger network" (bias first, when it is high), "more data"
      (high variance only) or "none"
    """
    ### BEGIN SOLUTION
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    if high_bias and high_variance:
        diagnosis = "both"
    elif high_bias:
        diagnosis = "high bias"
    elif high_variance:
        diagnosis = "high variance"
    else:
        diagnosis = "neither"
    if high_bias:
        remedy = "bigger network"
    elif high_variance:
        remedy = "more data"
    else:
        remedy = "none"
    ### END SOLUTION
    return diagnosis, remedy


# --- overfit a tiny set ---

def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    """
    Inputs:
    - X: (n_x, m) inputs, one example per column; Y: (1, m) labels
    - k: train on the first k examples only (the first k columns)
    - implementation: "A", "B" or "C", the key of the training loop in IMPLEMENTATIONS
    - num_iterations, learning_rate: passed to that training loop
    - tolerance: the tiny set counts as learned when the final cost is below it
    Returns (cost, reached):
    - cost: the cross-entropy on the k examples after the last step (a float)
    - reached: True if cost < tolerance
    """
    ### BEGIN SOLUTION
    train = IMPLEMENTATIONS[implementation]
    parameters, costs = train(X[:, :k], Y[:, :k], num_iterations, learning_rate)
    cost = costs[-1]
    reached = cost < tolerance
    ### END SOLUTION
    return cost, reached
