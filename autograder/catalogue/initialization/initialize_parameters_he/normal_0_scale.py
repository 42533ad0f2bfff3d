"""np.random.normal(0, std, size) with std = np.sqrt(2 / fan_in).

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        fan_in = layers_dims[l - 1]
        fan_out = layers_dims[l]
        std = np.sqrt(2 / fan_in)
        parameters['W' + str(l)] = np.random.normal(0, std, (fan_out, fan_in))
        parameters['b' + str(l)] = np.zeros((fan_out, 1))
    return parameters
