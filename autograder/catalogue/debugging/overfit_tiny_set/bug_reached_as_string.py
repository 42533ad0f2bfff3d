"""Returns reached as the words "yes" or "no".

expect: fail
mentions: True or False
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], num_iterations, learning_rate)
    return costs[-1], "yes" if costs[-1] < tolerance else "no"
