"""The untouched release cell: raises NotImplementedError.

expect: fail
mentions: raised
"""
import numpy as np


def initialize_parameters_random(layers_dims):
    """
    Arguments:
    layer_dims -- python array (list) containing the size of each layer.

    Returns:
    parameters -- python dictionary containing your parameters "W1", "b1", ..., "WL", "bL"
    """
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims)
    # YOUR CODE HERE
    raise NotImplementedError()
