"""Subtracts mu and stops.

expect: fail
mentions: not divided
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_train, axis=1, keepdims=True)
    return X_train - mu, X_dev - mu, X_test - mu
