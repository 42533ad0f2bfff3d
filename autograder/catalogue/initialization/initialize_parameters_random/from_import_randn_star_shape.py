"""from numpy.random import randn, called as randn(*shape) * 10.

expect: pass
"""
import numpy as np
from numpy.random import randn


def initialize_parameters_random(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        shape = (layers_dims[l], layers_dims[l - 1])
        parameters['W' + str(l)] = randn(*shape) * 10
        parameters['b' + str(l)] = np.zeros((shape[0], 1))
    return parameters
