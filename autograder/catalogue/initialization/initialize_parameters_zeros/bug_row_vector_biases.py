"""Biases created as row vectors of shape (1, n) instead of (n, 1).

expect: fail
mentions: b1, shape
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((1, layers_dims[l]))
    return parameters
