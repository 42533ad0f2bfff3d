"""Reports the average of the costs over the training.

expect: fail
mentions: average
"""
import numpy as np

from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], num_iterations, learning_rate)
    cost = np.mean(costs)
    return cost, cost < tolerance
