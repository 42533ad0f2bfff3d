"""Builds nested Python lists of 0.0 and converts them with np.array.

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        rows, cols = layers_dims[l], layers_dims[l - 1]
        parameters['W' + str(l)] = np.array([[0.0] * cols for _ in range(rows)])
        parameters['b' + str(l)] = np.array([[0.0] for _ in range(rows)])
    return parameters
