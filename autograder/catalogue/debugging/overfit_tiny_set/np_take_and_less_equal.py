"""np.take along axis 1, and <= for the tolerance (no cost lies near it).

expect: pass
"""
import numpy as np

from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    first = np.arange(k)
    X_k, Y_k = np.take(X, first, axis=1), np.take(Y, first, axis=1)
    _, costs = IMPLEMENTATIONS[implementation](X_k, Y_k, num_iterations, learning_rate)
    final = np.float64(costs[-1])
    return final, np.less_equal(final, tolerance)
