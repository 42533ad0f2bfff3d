"""Builds the tiny set from a list of example columns, kept 2-D.

expect: pass
"""
import numpy as np

from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    examples = [j for j in range(X.shape[1]) if j < k]
    X_k = np.hstack([X[:, [j]] for j in examples])
    Y_k = np.hstack([Y[:, [j]] for j in examples])
    parameters, costs = IMPLEMENTATIONS[implementation](X_k, Y_k, num_iterations, learning_rate)
    return costs[-1], costs[-1] < tolerance
