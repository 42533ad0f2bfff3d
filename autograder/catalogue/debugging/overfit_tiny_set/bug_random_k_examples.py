"""Trains on k examples drawn at random instead of the first k.

expect: fail
mentions: first k examples
"""
import numpy as np

from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    chosen = np.random.choice(X.shape[1], size=k, replace=False)
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, chosen], Y[:, chosen], num_iterations, learning_rate)
    return costs[-1], costs[-1] < tolerance
