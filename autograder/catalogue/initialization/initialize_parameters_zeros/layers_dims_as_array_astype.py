"""Converts layers_dims to a NumPy array and casts zeros with astype(np.float64).

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    dims = np.array(layers_dims)
    parameters = {}
    for l in range(1, dims.shape[0]):
        parameters['W' + str(l)] = np.zeros((dims[l], dims[l - 1])).astype(np.float64)
        parameters['b' + str(l)] = np.zeros((dims[l], 1)).astype(np.float64)
    return parameters
