"""float(theta ** 3 * x).

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    return float(theta ** 3 * x)
