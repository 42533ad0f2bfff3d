"""Weights with np.zeros, biases with np.zeros_like of the first weight column.

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        W = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['W' + str(l)] = W
        parameters['b' + str(l)] = np.zeros_like(W[:, :1])
    return parameters
