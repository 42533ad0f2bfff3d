"""Scale written as (2 / n_prev) ** 0.5 with f-string keys.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        n_prev = layers_dims[l - 1]
        parameters[f"W{l}"] = np.random.randn(layers_dims[l], n_prev) * (2 / n_prev) ** 0.5
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters
