"""Two dict comprehensions merged with {**weights, **biases}.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    L = len(layers_dims)
    weights = {
        "W" + str(l): np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        for l in range(1, L)
    }
    biases = {"b" + str(l): np.zeros((layers_dims[l], 1)) for l in range(1, L)}
    return {**weights, **biases}
