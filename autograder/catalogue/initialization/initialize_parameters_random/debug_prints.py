"""Correct solution that prints shapes and a weight summary for every layer.

expect: pass
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        print(f"layer {l}: W{l} {parameters['W' + str(l)].shape}, "
              f"std={parameters['W' + str(l)].std():.3f}, b{l} {parameters['b' + str(l)].shape}")
    print("W1 =", parameters["W1"])
    return parameters
