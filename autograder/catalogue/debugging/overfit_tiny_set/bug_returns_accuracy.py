"""Returns the accuracy on the tiny set instead of the cost.

expect: fail
mentions: accuracy
"""
from course.network import accuracy
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], num_iterations, learning_rate)
    return accuracy(X[:, :k], Y[:, :k], parameters), costs[-1] < tolerance
