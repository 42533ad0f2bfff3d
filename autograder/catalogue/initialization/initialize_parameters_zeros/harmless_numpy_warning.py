"""Correct solution whose leftover debug line emits a divide-by-zero RuntimeWarning.

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        # debug: log of a zero weight is -inf, just checking
        debug = np.log(np.float64(parameters['W' + str(l)][0, 0]))
    return parameters
