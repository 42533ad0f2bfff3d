"""Biases via np.full((n, 1), 0.0) and then np.zeros_like of that.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        b = np.full((layers_dims[l], 1), 0.0)
        parameters['b' + str(l)] = np.zeros_like(b)
    return parameters
