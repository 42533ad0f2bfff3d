"""zip(layers_dims[:-1], layers_dims[1:]) with enumerate(start=1).

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layers_dims[:-1], layers_dims[1:]), start=1):
        parameters[f"W{l}"] = np.random.randn(n, n_prev) * 10
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
