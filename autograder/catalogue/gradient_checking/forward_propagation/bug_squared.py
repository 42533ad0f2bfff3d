"""theta ** 2 * x.

expect: fail
"""
import numpy as np


def forward_propagation(x, theta):
    return theta ** 2 * x
