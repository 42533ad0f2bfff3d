"""Correct solution with a leftover debug line np.log(np.float64(0)) that warns.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    # debug: was checking log of the bias values
    check = np.log(np.float64(parameters['b1'][0, 0]))
    return parameters
