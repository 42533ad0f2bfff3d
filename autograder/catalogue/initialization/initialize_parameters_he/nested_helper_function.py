"""Defines a small nested helper he_layer(n, n_prev) inside the function.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    def he_layer(n, n_prev):
        W = np.random.randn(n, n_prev) * np.sqrt(2.0 / n_prev)
        b = np.zeros((n, 1))
        return W, b

    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)], parameters['b' + str(l)] = he_layer(layers_dims[l], layers_dims[l - 1])
    return parameters
