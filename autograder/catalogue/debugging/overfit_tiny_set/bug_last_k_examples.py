"""Trains on the last k examples.

expect: fail
mentions: last k examples
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, -k:], Y[:, -k:], num_iterations, learning_rate)
    return costs[-1], costs[-1] < tolerance
