"""Flat randn(n * n_prev) reshaped to (n, n_prev), scaled by np.sqrt(100).

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        parameters['W' + str(l)] = np.random.randn(n * n_prev).reshape(n, n_prev) * np.sqrt(100)
        parameters['b' + str(l)] = np.zeros((n, 1))
    return parameters
