"""Copied the random initializer: multiplies by 10 instead of the He factor.

expect: fail
mentions: W1, standard deviation
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
