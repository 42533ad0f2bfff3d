"""Precomputes the list of He scales for all fan-ins, then indexes it.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    scales = [np.sqrt(2 / n) for n in layers_dims[:-1]]
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * scales[l - 1]
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
