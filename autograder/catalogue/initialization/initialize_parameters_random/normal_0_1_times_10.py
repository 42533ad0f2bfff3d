"""np.random.normal(0, 1, size) * 10.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        shape = (layers_dims[l], layers_dims[l - 1])
        parameters['W' + str(l)] = np.random.normal(0, 1, shape) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
