"""Seeded default_rng(42), layers filled from the last one back to the first.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    rng = np.random.default_rng(42)
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(L, 0, -1):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        parameters["W" + str(l)] = rng.standard_normal((n, n_prev)) * np.sqrt(2 / n_prev)
        parameters["b" + str(l)] = np.zeros((n, 1))
    return parameters
