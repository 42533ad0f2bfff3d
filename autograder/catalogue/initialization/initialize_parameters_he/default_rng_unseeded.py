"""Generator API: np.random.default_rng() inside the function, rng.standard_normal * scale.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    rng = np.random.default_rng()
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters[f"W{l}"] = rng.standard_normal((layers_dims[l], layers_dims[l - 1])) * np.sqrt(2 / layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters
