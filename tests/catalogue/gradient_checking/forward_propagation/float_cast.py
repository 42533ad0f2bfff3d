"""float(theta * x).

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    return float(theta * x)
