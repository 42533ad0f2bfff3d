"""Multiplies by 1 / sigma after centering.

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_train, axis=1, keepdims=True)
    inverse = 1.0 / np.std(X_train, axis=1, keepdims=True)
    return (X_train - mu) * inverse, (X_dev - mu) * inverse, (X_test - mu) * inverse
