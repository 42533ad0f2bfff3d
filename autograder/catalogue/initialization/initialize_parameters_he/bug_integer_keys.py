"""Nested per-layer dicts: parameters[l] = {"W": ..., "b": ...} with integer keys.

expect: fail
mentions: W1, missing
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[l] = {
            "W": np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1]),
            "b": np.zeros((layers_dims[l], 1)),
        }
    return parameters
