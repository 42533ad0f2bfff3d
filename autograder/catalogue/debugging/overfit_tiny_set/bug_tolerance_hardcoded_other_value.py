"""Compares with 0.05, a tolerance of its own.

expect: fail
mentions: reached is cost < tolerance
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], num_iterations, learning_rate)
    return costs[-1], costs[-1] < 0.05
