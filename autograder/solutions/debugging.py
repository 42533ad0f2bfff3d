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


# --- gradient health report ---

def gradient_health(parameters, grads, cache, activations, threshold=4.0):
    """
    Inputs:
    - parameters: dict with W1: (n1, n0), b1: (n1, 1), ..., WL, bL
    - grads: dict with dW1, db1, ..., dWL, dbL, shaped as the parameters (it may hold more: dZ1, dA1, ...)
    - cache: dict with Z1, A1, ..., ZL, AL, each (n[l], m): Z[l] = W[l] A[l-1] + b[l], A[l] = g[l](Z[l])
    - activations: list of L strings, g[l] for l = 1..L: "relu", "sigmoid" or "tanh"
    - threshold: a sigmoid or tanh input is saturated when |Z| > threshold
    Returns report, a list of L dicts (report[0] is layer 1), each with
    - "ratio": ||dW[l]|| / ||W[l]||, Frobenius norms (a float; nan or inf if dW[l] holds nan or inf)
    - "zero": whether dW[l] or db[l] is 0 everywhere (a bool)
    - "nan_or_inf": whether dW[l] or db[l] holds a nan or an inf (a bool)
    - "saturated": for a sigmoid or tanh layer, the fraction of the entries of Z[l] with |Z| > threshold;
      None for a relu layer
    """
    report = []
    for l in range(1, len(activations) + 1):
        ### BEGIN SOLUTION
        W, dW, db, Z = parameters[f"W{l}"], grads[f"dW{l}"], grads[f"db{l}"], cache[f"Z{l}"]
        ratio = np.linalg.norm(dW) / np.linalg.norm(W)
        zero = not np.any(dW) or not np.any(db)
        nan_or_inf = not (np.all(np.isfinite(dW)) and np.all(np.isfinite(db)))
        saturated = None if activations[l - 1] == "relu" else float(np.mean(np.abs(Z) > threshold))
        ### END SOLUTION
        report.append({"ratio": float(ratio), "zero": bool(zero), "nan_or_inf": bool(nan_or_inf),
                       "saturated": saturated})
    return report
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


# --- layer-by-layer comparison ---

def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    """
    Inputs:
    - activations_a, activations_b: lists [A1, ..., AL] of two implementations' activations, layer l
      at index l - 1, each (n[l], m)
    - grads_a, grads_b: dicts with dW1, db1, ..., dWL, dbL of the same two implementations
    - rtol: two arrays a and b differ when ||a - b|| > rtol * max(||a||, ||b||) (Frobenius norms):
      a difference relative to the array's scale, so round-off never counts
    Returns where the first difference is:
    - ("forward", l) for the first layer l, from 1 up, whose activations differ;
    - otherwise ("backward", name) for the first gradient that differs from the last layer back,
      in the order dWL, dbL, dW(L-1), db(L-1), ..., dW1, db1;
    - None if everything agrees.
    """
    ### BEGIN SOLUTION
    def differ(a, b):
        return np.linalg.norm(a - b) > rtol * max(np.linalg.norm(a), np.linalg.norm(b))

    L = len(activations_a)
    for l in range(1, L + 1):
        if differ(activations_a[l - 1], activations_b[l - 1]):
            return ("forward", l)
    for l in range(L, 0, -1):
        for name in (f"dW{l}", f"db{l}"):
            if differ(grads_a[name], grads_b[name]):
                return ("backward", name)
    return None
    ### END SOLUTION
