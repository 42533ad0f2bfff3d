"""The untouched release cell: raises NotImplementedError.

expect: fail
mentions: raised
"""
import numpy as np


def initialize_parameters_he(layers_dims):
    """
    Arguments:
    layer_dims -- python array (list) containing the size of each layer.

    Returns:
    parameters -- python dictionary containing your parameters "W1", "b1", ..., "WL", "bL"
    """
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1 # integer representing the number of layers
    # YOUR CODE HERE
    raise NotImplementedError()
