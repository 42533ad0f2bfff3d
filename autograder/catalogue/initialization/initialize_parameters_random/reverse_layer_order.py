"""Fills the layers from the last one back to the first.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in reversed(range(1, L + 1)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
