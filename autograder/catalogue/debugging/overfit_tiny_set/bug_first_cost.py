"""Reports costs[0], the cost before training.

expect: fail
mentions: costs[0]
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], num_iterations, learning_rate)
    return costs[0], costs[0] < tolerance
