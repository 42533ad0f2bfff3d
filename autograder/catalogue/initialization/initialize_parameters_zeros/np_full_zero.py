"""Uses np.full(shape, 0.0) for both weights and biases.

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = np.full((layers_dims[l], layers_dims[l - 1]), 0.0)
        parameters['b' + str(l)] = np.full((layers_dims[l], 1), 0.0)
    return parameters
