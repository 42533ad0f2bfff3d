"""Returns a collections.OrderedDict instead of a plain dict.

expect: pass
"""
from collections import OrderedDict

import numpy as np


def initialize_parameters_zeros(layers_dims):
    parameters = OrderedDict()
    for l in range(1, len(layers_dims)):
        parameters['W%d' % l] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b%d' % l] = np.zeros((layers_dims[l], 1))
    return parameters
