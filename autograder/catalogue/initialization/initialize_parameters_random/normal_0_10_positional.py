"""np.random.normal(0, 10, (n, n_prev)) with positional loc/scale/size.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.normal(0, 10, (layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros(shape=(layers_dims[l], 1))
    return parameters
