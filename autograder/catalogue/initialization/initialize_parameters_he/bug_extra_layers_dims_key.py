"""Correct arrays but also stores layers_dims in the dictionary under "layers_dims".

expect: fail
mentions: unexpected
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {"layers_dims": layers_dims}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
