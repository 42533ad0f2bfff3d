"""Initializes each layer's bias before its weight matrix.

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
    return parameters
