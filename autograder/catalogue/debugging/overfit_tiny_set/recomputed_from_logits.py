"""Recomputes the final cost from the logits in the cache (cache[8]).

expect: pass
"""
from course.network import cross_entropy_from_logits, forward_propagation
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    X_small, Y_small = X[:, :k], Y[:, :k]
    parameters, _ = IMPLEMENTATIONS[implementation](X_small, Y_small, num_iterations, learning_rate)
    _, cache = forward_propagation(X_small, parameters)
    cost = cross_entropy_from_logits(cache[8], Y_small)
    return cost, bool(cost < tolerance)
