"""LeCun scale sqrt(1 / n[l-1]) (often miscalled Xavier) instead of He sqrt(2 / n[l-1]).

expect: fail
mentions: W1, standard deviation
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(1 / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
