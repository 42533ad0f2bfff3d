"""Calls the training loop with keyword arguments and copies of the slices.

expect: pass
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    X_k = X[:, :k].copy()
    Y_k = Y[:, :k].copy()
    train_loop = IMPLEMENTATIONS[implementation]
    result = train_loop(X=X_k, Y=Y_k, num_iterations=num_iterations, learning_rate=learning_rate)
    costs = result[1]
    return costs[-1], not costs[-1] >= tolerance
