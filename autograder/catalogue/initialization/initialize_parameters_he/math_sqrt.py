"""Scale computed with math.sqrt(2.0 / float(n_prev)).

expect: pass
"""
import math

import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        he_std = math.sqrt(2.0 / float(layers_dims[l - 1]))
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * he_std
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
