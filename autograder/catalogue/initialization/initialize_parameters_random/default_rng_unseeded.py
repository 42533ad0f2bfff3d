"""Generator API: rng = np.random.default_rng() created inside, rng.standard_normal * 10.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    rng = np.random.default_rng()
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
