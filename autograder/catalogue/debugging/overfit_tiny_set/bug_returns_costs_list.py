"""Returns the whole list of costs.

expect: fail
mentions: one number
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], num_iterations, learning_rate)
    return costs, costs[-1] < tolerance
