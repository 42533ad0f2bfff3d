"""Training mean, but each set divided by its own spread.

expect: fail
mentions: X_dev_norm
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_train, axis=1, keepdims=True)
    return tuple((X - mu) / np.std(X, axis=1, keepdims=True) for X in (X_train, X_dev, X_test))
