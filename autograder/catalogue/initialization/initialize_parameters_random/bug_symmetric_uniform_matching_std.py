"""Symmetric uniform draws U(-10*sqrt(3), 10*sqrt(3)): std 10 but not Gaussian.

expect: fail
mentions: W1, normal
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        limit = 10 * np.sqrt(3)   # uniform(-a, a) has std a / sqrt(3)
        parameters['W' + str(l)] = np.random.uniform(-limit, limit, (layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
