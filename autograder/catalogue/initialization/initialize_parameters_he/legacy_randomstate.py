"""Legacy np.random.RandomState(3).randn(...) times the He factor.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    rs = np.random.RandomState(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = rs.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2. / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
