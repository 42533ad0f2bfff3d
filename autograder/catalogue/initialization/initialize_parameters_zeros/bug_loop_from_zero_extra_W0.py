"""Loop starts at 0, adding spurious W0/b0 keys (layers_dims[-1] used as fan-in).

expect: fail
mentions: unexpected
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(0, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
