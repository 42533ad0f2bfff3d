"""He scale computed from the fan-out n[l] instead of the fan-in n[l-1].

expect: fail
mentions: W1, standard deviation
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
