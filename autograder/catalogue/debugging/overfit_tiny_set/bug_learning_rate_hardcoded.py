"""Always trains with a learning rate of 0.5.

expect: fail
mentions: learning_rate
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], num_iterations, 0.5)
    return costs[-1], costs[-1] < tolerance
