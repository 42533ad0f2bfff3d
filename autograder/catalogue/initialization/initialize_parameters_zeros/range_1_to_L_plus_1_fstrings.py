"""L = len(layers_dims) - 1 with range(1, L + 1) and f-string keys.

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1  # number of layers with weights

    for l in range(1, L + 1):
        parameters[f"W{l}"] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))

    return parameters
