"""x ** 3 * theta.

expect: fail
"""
import numpy as np


def forward_propagation(x, theta):
    return x ** 3 * theta
