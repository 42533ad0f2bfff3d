"""float32 draws from default_rng (dtype=np.float32), cast back to float32 after scaling.

expect: pass
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    rng = np.random.default_rng()
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        W = rng.standard_normal((layers_dims[l], layers_dims[l - 1]), dtype=np.float32)
        parameters['W' + str(l)] = (W * np.sqrt(2 / layers_dims[l - 1])).astype(np.float32)
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1), dtype=np.float32)
    return parameters
