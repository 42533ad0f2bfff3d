"""He-uniform: U(-a, a) with a = sqrt(6 / n[l-1]); right std but not Gaussian.

expect: fail
mentions: W1, normal
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.uniform(-np.sqrt(6 / layers_dims[l - 1]), np.sqrt(6 / layers_dims[l - 1]), (layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
