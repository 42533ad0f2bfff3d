"""Seeded generator np.random.default_rng(3) with rng.normal(scale=..., size=...).

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    rng = np.random.default_rng(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = rng.normal(scale=np.sqrt(2 / layers_dims[l - 1]),
                                              size=(layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
