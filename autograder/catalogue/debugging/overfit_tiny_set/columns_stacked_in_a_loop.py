"""Builds the tiny set column by column in a loop, returns a list.

expect: pass
"""
import numpy as np

from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    columns_X, columns_Y = [], []
    for j in range(k):
        columns_X.append(X[:, j])
        columns_Y.append(Y[:, j])
    X_tiny, Y_tiny = np.column_stack(columns_X), np.column_stack(columns_Y)
    _, costs = IMPLEMENTATIONS[implementation](X_tiny, Y_tiny, num_iterations, learning_rate)
    return [costs[len(costs) - 1], costs[-1] < tolerance]
