"""zip(layers_dims[:-1], layers_dims[1:]) with enumerate(start=1).

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    for l, (fan_in, fan_out) in enumerate(zip(layers_dims[:-1], layers_dims[1:]), start=1):
        parameters[f"W{l}"] = np.random.randn(fan_out, fan_in) * np.sqrt(2 / fan_in)
        parameters[f"b{l}"] = np.zeros((fan_out, 1))
    return parameters
