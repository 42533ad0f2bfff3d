"""He scale with the bias counted as one more input: sqrt(2 / (n[l-1] + 1)).

expect: fail
mentions: standard deviation, bias was counted
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        fan_in = layers_dims[l - 1] + 1   # the bias is an input too
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / fan_in)
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
