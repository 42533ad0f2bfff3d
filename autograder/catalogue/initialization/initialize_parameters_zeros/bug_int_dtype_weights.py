"""Weights created with dtype=int (integer zeros); biases are float.

expect: fail
mentions: W1, dtype
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]), dtype=int)
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
