"""Takes the first k rows of X.T (examples as rows), transposed back.

expect: pass
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    X_small = X.T[:k].T
    Y_small = Y.T[:k].T
    parameters, costs = IMPLEMENTATIONS[implementation](X_small, Y_small, num_iterations, learning_rate)
    return costs[-1], costs[-1] < tolerance
