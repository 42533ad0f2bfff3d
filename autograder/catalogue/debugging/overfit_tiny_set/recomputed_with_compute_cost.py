"""Recomputes the final cost with the course's compute_cost from a forward pass.

expect: pass
"""
from course.network import compute_cost, forward_propagation
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    X_small, Y_small = X[:, :k], Y[:, :k]
    parameters, _ = IMPLEMENTATIONS[implementation](X_small, Y_small, num_iterations, learning_rate)
    A3, _ = forward_propagation(X_small, parameters)
    cost = compute_cost(A3, Y_small)
    return cost, cost < tolerance
