"""A dictionary of the loops built from the module's functions, and ellipsis slicing.

expect: pass
"""
from course.tiny_set import train_a, train_b, train_c


def overfit_tiny_set(X, Y, k, implementation, num_iterations=300, learning_rate=0.5, tolerance=0.01):
    loops = {"A": train_a, "B": train_b, "C": train_c}
    X_tiny = X[..., :k]
    Y_tiny = Y[..., :k]
    _, history = loops[implementation](X_tiny, Y_tiny, num_iterations, learning_rate)
    return history[-1], history[-1] < tolerance
