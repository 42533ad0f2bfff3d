"""theta * x, the linear cost of the classic course.

expect: fail
"""
import numpy as np


def forward_propagation(x, theta):
    return theta * x
