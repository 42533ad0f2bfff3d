"""Returns the cost as a 0-d array and reached as a NumPy bool.

expect: pass
"""
import numpy as np

from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], num_iterations, learning_rate)
    cost = np.array(costs)[-1:].reshape(())
    return cost, np.bool_(cost < tolerance)
