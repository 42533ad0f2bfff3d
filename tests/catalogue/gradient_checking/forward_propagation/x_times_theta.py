"""x * theta.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    J = x * theta
    return J
