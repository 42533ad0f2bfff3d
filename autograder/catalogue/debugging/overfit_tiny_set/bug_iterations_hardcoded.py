"""Always trains for 300 iterations.

expect: fail
mentions: num_iterations
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], 300, learning_rate)
    return costs[-1], costs[-1] < tolerance
