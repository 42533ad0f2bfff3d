"""Biases also random: np.random.randn(n, 1) * 0.01 instead of zeros.

expect: fail
mentions: b1, zero
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.random.randn(layers_dims[l], 1) * 0.01
    return parameters
