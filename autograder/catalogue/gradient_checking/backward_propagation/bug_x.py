"""Returns x, the derivative of the linear theta * x.

expect: fail
mentions: theta * x
"""
import numpy as np


def backward_propagation(x, theta):
    return x
