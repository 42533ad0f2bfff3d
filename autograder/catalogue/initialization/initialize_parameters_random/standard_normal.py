"""np.random.standard_normal(size) * 10.0.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.standard_normal((layers_dims[l], layers_dims[l - 1])) * 10.0
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
