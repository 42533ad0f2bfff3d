"""Statistics of shape (n_x,), without keepdims, subtracted from (n_x, m) sets.

expect: fail
mentions: keepdims
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_train, axis=1)
    sigma = np.std(X_train, axis=1)
    return (X_train - mu) / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma
