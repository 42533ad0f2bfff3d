"""0-based loop names the layers W0 ... W(L-1) instead of W1 ... WL.

expect: fail
mentions: missing
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    for l in range(len(layers_dims) - 1):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l + 1], layers_dims[l]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l + 1], 1))
    return parameters
