"""Statistics of shape (n_x,) broadcast with [:, np.newaxis].

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_train, axis=1)[:, np.newaxis]
    sigma = np.std(X_train, axis=1)[:, None]
    return (X_train - mu) / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma
