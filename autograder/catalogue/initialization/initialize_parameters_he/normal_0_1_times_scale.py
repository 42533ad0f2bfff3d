"""np.random.normal(0, 1, size) times np.sqrt(2 / n_prev).

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        shape = (layers_dims[l], layers_dims[l - 1])
        parameters['W' + str(l)] = np.random.normal(0, 1, shape) * np.sqrt(2 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
