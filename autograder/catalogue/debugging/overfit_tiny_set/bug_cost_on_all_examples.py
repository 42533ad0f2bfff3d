"""Trains on the first k, then measures the cost on all m examples.

expect: fail
mentions: measured on all m examples
"""
from course.network import cross_entropy_from_logits, forward_propagation
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, _ = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], num_iterations, learning_rate)
    _, cache = forward_propagation(X, parameters)
    cost = cross_entropy_from_logits(cache[8], Y)
    return cost, cost < tolerance
