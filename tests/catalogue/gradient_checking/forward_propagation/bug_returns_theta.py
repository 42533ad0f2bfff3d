"""Returns theta.

expect: fail
"""
import numpy as np


def forward_propagation(x, theta):
    return theta
