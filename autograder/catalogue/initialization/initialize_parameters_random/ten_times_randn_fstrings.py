"""Scale written first (10 * np.random.randn(...)) with f-string keys.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = 10 * np.random.randn(layers_dims[l], layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters
