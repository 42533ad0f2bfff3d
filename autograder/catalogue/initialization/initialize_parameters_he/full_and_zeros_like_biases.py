"""Biases via np.full((n, 1), 0.0) in one layer style and np.zeros_like(W[:, [0]]).

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        W = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters['W' + str(l)] = W
        if l % 2:
            parameters['b' + str(l)] = np.full((layers_dims[l], 1), 0.0)
        else:
            parameters['b' + str(l)] = np.zeros_like(W[:, [0]])
    return parameters
