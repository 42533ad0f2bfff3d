"""Returns a list of (W, b) tuples, one per layer, instead of a dictionary.

expect: fail
mentions: dict
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = []
    L = len(layers_dims)
    for l in range(1, L):
        W = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        b = np.zeros((layers_dims[l], 1))
        parameters.append((W, b))
    return parameters
