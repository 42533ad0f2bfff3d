"""Iterates over zip(layers_dims[:-1], layers_dims[1:]) with enumerate(start=1).

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layers_dims[:-1], layers_dims[1:]), start=1):
        parameters["W" + str(l)] = np.zeros((n, n_prev))
        parameters["b" + str(l)] = np.zeros((n, 1))
    return parameters
