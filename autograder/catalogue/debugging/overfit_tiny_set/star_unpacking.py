"""Unpacks the last cost with star-unpacking and reports it with a conditional expression.

expect: pass
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    parameters, costs = IMPLEMENTATIONS[implementation](X[:, :k], Y[:, :k], num_iterations, learning_rate)
    *_, final_cost = costs
    reached = True if final_cost < tolerance else False
    return final_cost, reached
