"""Slices 0:k-1, thinking the end of a slice is included.

expect: fail
mentions: k - 1 examples
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, 0:k - 1], Y[:, 0:k - 1], num_iterations, learning_rate)
    return costs[-1], costs[-1] < tolerance
