"""3 * theta * x.

expect: fail
"""
import numpy as np


def forward_propagation(x, theta):
    return 3 * theta * x
