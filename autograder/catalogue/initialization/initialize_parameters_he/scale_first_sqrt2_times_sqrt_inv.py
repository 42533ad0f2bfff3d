"""Scale written first as np.sqrt(2) * np.sqrt(1 / n_prev) * randn(...).

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.sqrt(2) * np.sqrt(1 / layers_dims[l - 1]) * np.random.randn(layers_dims[l], layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
