"""Uses np.linalg.norm(W, 'fro') ** 2 and writes the factor as (lambd / m) / 2.

expect: pass
"""
import numpy as np

from course.network import compute_cost


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy_cost = compute_cost(A3, Y)
    frob = 0
    for name in ("W1", "W2", "W3"):
        frob += np.linalg.norm(parameters[name], 'fro') ** 2
    L2_regularization_cost = (lambd / m) / 2 * frob
    return cross_entropy_cost + L2_regularization_cost
