"""Training statistics over axis 0, per example, applied to every set.

expect: fail
mentions: per example
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_train, axis=0, keepdims=True)
    sigma = np.std(X_train, axis=0, keepdims=True)
    return (X_train - mu) / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma
