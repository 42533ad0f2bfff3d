"""Two dict comprehensions merged with the | operator.

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    L = len(layers_dims)
    weights = {f"W{l}": np.zeros((layers_dims[l], layers_dims[l - 1])) for l in range(1, L)}
    biases = {f"b{l}": np.zeros((layers_dims[l], 1)) for l in range(1, L)}
    return weights | biases
