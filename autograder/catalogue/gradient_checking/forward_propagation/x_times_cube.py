"""x * theta ** 3.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    return x * theta ** 3
