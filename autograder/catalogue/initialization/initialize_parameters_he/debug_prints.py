"""Correct solution that prints the scale, shapes and measured std of every layer.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    print("layers_dims =", layers_dims)
    for l in range(1, L):
        scale = np.sqrt(2 / layers_dims[l - 1])
        print("layer", l, "scale", scale)
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * scale
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        print(parameters['W' + str(l)].shape, parameters['W' + str(l)].std(), parameters['b' + str(l)].shape)
    return parameters
