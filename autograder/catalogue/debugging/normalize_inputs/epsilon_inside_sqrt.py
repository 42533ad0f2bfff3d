"""sigma = sqrt(variance + 1e-8), guarding against a constant feature.

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.sqrt(np.var(X_train, axis=1, keepdims=True) + 1e-8)
    return (X_train - mu) / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma
