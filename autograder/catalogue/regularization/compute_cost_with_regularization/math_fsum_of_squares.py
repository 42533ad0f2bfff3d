"""Accumulates the squares with math.fsum over the flattened weights.

expect: pass
"""
import math

import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)
    squares = []
    for name in ["W1", "W2", "W3"]:
        squares.extend((parameters[name].ravel() ** 2).tolist())
    L2_regularization_cost = lambd / (2 * m) * math.fsum(squares)
    return cross_entropy_cost + L2_regularization_cost
