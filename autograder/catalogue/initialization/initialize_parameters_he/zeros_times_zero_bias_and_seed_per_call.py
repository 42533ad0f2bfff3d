"""np.random.seed(1) inside, biases written as np.zeros((n, 1)) * 0, variance then sqrt.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    np.random.seed(1)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        variance = 2 / layers_dims[l - 1]
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(variance)
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1)) * 0
    return parameters
