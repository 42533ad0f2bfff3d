"""theta ** 3 without x.

expect: fail
"""
import numpy as np


def forward_propagation(x, theta):
    return theta ** 3
