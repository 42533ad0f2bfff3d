"""Statistics over axis 0, per example, of each set.

expect: fail
mentions: per example
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    out = []
    for X in (X_train, X_dev, X_test):
        out.append((X - X.mean(axis=0, keepdims=True)) / X.std(axis=0, keepdims=True))
    return tuple(out)
