"""Correct, and prints the first and last costs.

expect: pass
"""
from course.tiny_set import IMPLEMENTATIONS


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    train = IMPLEMENTATIONS[implementation]
    parameters, costs = train(X[:, :k], Y[:, :k], num_iterations, learning_rate)
    print(f"implementation {implementation}: cost {costs[0]:.4f} -> {costs[-1]:.6f} on {k} examples")
    reached = costs[-1] < tolerance
    print("reached" if reached else "not reached")
    return costs[-1], reached
