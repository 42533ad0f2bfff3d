"""theta * x ** 2.

expect: fail
"""
import numpy as np


def forward_propagation(x, theta):
    return theta * x ** 2
