"""Biases stored as the Python scalar 0 ("broadcasting will handle it").

expect: fail
mentions: b1, array
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = 0
    return parameters
