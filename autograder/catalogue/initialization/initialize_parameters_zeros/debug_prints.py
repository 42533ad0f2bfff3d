"""Correct solution that prints the shape of every parameter while building it.

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims)
    print("number of layers:", L - 1)
    for l in range(1, L):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        print("W" + str(l), parameters['W' + str(l)].shape, "b" + str(l), parameters['b' + str(l)].shape)
    print(parameters)
    return parameters
