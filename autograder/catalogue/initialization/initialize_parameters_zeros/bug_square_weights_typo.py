"""Typo uses layers_dims[l] for both weight dimensions, giving (n[l], n[l]).

expect: fail
mentions: W1, shape
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
