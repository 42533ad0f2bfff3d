"""Converts layers_dims to a NumPy int array first (np.int64 sizes) and uses a while loop.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    dims = np.asarray(layers_dims)
    parameters = {}
    l = 1
    while l < dims.size:
        parameters["W" + str(l)] = np.random.randn(dims[l], dims[l - 1]) * np.sqrt(2 / dims[l - 1])
        parameters["b" + str(l)] = np.zeros((dims[l], 1))
        l += 1
    return parameters
