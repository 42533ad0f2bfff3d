"""Looks the training loop up as a function of the module, train_a, train_b or train_c.

expect: pass
"""
from course import tiny_set


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    train = getattr(tiny_set, "train_" + implementation.lower())
    _, costs = train(X[:, 0:k], Y[:, 0:k], num_iterations, learning_rate)
    return (float(costs[-1]), float(costs[-1]) < float(tolerance))
