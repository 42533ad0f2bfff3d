"""theta * theta * theta * x.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    return theta * theta * theta * x
