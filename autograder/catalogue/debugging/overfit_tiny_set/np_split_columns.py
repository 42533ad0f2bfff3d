"""Splits the columns at k with np.split and trains on the first part.

expect: pass
"""
import numpy as np

from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    X_first, _ = np.split(X, [k], axis=1)
    Y_first, _ = np.split(Y, [k], axis=1)
    _, costs = IMPLEMENTATIONS[implementation](X_first, Y_first, num_iterations, learning_rate)
    return costs[-1], costs[-1] < tolerance
