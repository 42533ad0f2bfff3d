"""Single dict comprehension over (key, array) pairs.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    L = len(layers_dims)
    return {
        key: value
        for l in range(1, L)
        for key, value in (
            ("W" + str(l), np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10),
            ("b" + str(l), np.zeros((layers_dims[l], 1))),
        )
    }
