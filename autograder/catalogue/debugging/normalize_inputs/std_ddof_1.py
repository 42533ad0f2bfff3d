"""The sample standard deviation, np.std(..., ddof=1), which divides by m - 1.

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = X_train.mean(axis=1, keepdims=True)
    sigma = X_train.std(axis=1, ddof=1, keepdims=True)
    return (X_train - mu) / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma
