"""Allocates with np.empty and then fills with 0 in place.

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        W = np.empty((layers_dims[l], layers_dims[l - 1]))
        W.fill(0)
        b = np.empty((layers_dims[l], 1))
        b[:] = 0
        parameters['W' + str(l)] = W
        parameters['b' + str(l)] = b
    return parameters
