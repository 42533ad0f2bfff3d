"""Legacy np.random.RandomState(3) object with .randn(...) * 10.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    rs = np.random.RandomState(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = rs.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
