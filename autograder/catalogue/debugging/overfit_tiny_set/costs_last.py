"""The reference: slice the first k columns, train, report costs[-1].

expect: pass
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    train = IMPLEMENTATIONS[implementation]
    parameters, costs = train(X[:, :k], Y[:, :k], num_iterations, learning_rate)
    cost = costs[-1]
    reached = cost < tolerance
    return cost, reached
