"""while loop with parameters.update({...}).

expect: pass
"""
import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = dict()
    l = 1
    while l < len(layers_dims):
        parameters.update({
            "W" + str(l): np.zeros((layers_dims[l], layers_dims[l - 1])),
            "b" + str(l): np.zeros((layers_dims[l], 1)),
        })
        l += 1
    return parameters
