"""Selects the columns with a boolean mask of the first k.

expect: pass
"""
import numpy as np

from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    keep = np.arange(X.shape[1]) < k
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, keep], Y[:, keep], num_iterations, learning_rate)
    last = costs[-1]
    if last < tolerance:
        return last, True
    return last, False
