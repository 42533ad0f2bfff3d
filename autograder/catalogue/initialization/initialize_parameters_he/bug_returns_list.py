"""Returns a flat list [W1, b1, W2, b2, ...] instead of a dictionary.

expect: fail
mentions: dict
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = []
    L = len(layers_dims)
    for l in range(1, L):
        parameters.append(np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1]))
        parameters.append(np.zeros((layers_dims[l], 1)))
    return parameters
