"""Computes everything in float32 (a cost right to float32 precision).

expect: pass
"""
import numpy as np


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    A3 = A3.astype(np.float32)
    m = Y.shape[1]
    cross_entropy = -np.sum(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)) / m
    squares = sum(np.sum(parameters[f"W{l}"].astype(np.float32) ** 2) for l in (1, 2, 3))
    return cross_entropy + lambd / (2 * m) * squares
