"""theta ** 3 * x.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    J = theta ** 3 * x
    return J
