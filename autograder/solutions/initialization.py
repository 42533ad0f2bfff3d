"""Reference solutions of the initialization assignment.

Each function below is, line for line, the solution cell of source/initialization/initialization.ipynb
between the nbgrader solution markers (tests/test_assignments.py keeps them equal).
"""

import numpy as np


def initialize_parameters_zeros(layers_dims):
    """
    Inputs:
    - layers_dims: list of layer sizes [n0, n1, ..., nL], n0 being the number of input features
    Returns:
    - parameters: dict with W1 ... WL, W[l] of shape (n[l], n[l-1]), and b1 ... bL, b[l] of shape (n[l], 1),
      every entry 0
    """
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        parameters[f"W{l}"] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
    return parameters


def initialize_parameters_random(layers_dims):
    """
    Inputs:
    - layers_dims: list of layer sizes [n0, n1, ..., nL]
    Returns:
    - parameters: dict with W[l] of shape (n[l], n[l-1]) drawn from N(0, 1) and multiplied by 10,
      and b[l] of shape (n[l], 1) set to 0
    """
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        parameters[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
    return parameters


def initialize_parameters_he(layers_dims):
    """
    Inputs:
    - layers_dims: list of layer sizes [n0, n1, ..., nL]
    Returns:
    - parameters: dict with W[l] of shape (n[l], n[l-1]) drawn from N(0, 1) and multiplied by
      sqrt(2 / n[l-1]), and b[l] of shape (n[l], 1) set to 0
    """
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        ### BEGIN SOLUTION
        parameters[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
    return parameters
