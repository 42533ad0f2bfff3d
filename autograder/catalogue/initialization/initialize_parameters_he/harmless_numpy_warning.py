"""Correct solution with a debug np.log of a zero bias that emits a RuntimeWarning.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        log_b = np.log(np.float64(parameters['b' + str(l)][0, 0]))  # -inf, was debugging
    return parameters
