"""Casts the results to float32 with .astype(np.float32).

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = (np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10).astype(np.float32)
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1), dtype=np.float32)
    return parameters
