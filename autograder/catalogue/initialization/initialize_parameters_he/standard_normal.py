"""np.random.standard_normal(size) times the He factor.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        he = np.sqrt(2 / layers_dims[l - 1])
        parameters['W' + str(l)] = np.random.standard_normal(size=(layers_dims[l], layers_dims[l - 1])) * he
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
