"""Divides by sigma without subtracting mu.

expect: fail
mentions: not subtracted
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    sigma = np.std(X_train, axis=1, keepdims=True)
    return X_train / sigma, X_dev / sigma, X_test / sigma
