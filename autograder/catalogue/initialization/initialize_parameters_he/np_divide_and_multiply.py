"""Uses np.multiply and np.sqrt(np.divide(2, n_prev)).

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        W = np.random.randn(layers_dims[l], layers_dims[l - 1])
        parameters['W' + str(l)] = np.multiply(W, np.sqrt(np.divide(2, layers_dims[l - 1])))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
