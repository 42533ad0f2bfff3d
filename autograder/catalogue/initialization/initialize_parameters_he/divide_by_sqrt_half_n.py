"""Divides instead of multiplying: randn(...) / np.sqrt(n_prev / 2).

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1] / 2)
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
