"""Trains on all m examples: no slicing at all.

expect: fail
mentions: all m examples
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X, Y, num_iterations, learning_rate)
    return costs[-1], costs[-1] < tolerance
