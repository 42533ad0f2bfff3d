"""Lower-case keys f"w{l}" / f"b{l}", so 'W1' is missing.

expect: fail
mentions: W1, missing
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"w{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters
