"""np.random.normal(loc=0.0, scale=..., size=...) with keywords.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.normal(loc=0.0, scale=np.sqrt(2.0 / layers_dims[l - 1]),
                                                    size=(layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
