"""Random matrix multiplied by 0 (gives signed zeros -0.0, still all zero).

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 0
        parameters['b' + str(l)] = np.random.randn(layers_dims[l], 1) * 0.0
    return parameters
