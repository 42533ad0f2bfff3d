"""Fits mu and sigma on all the data stacked together.

expect: fail
mentions: together
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    everything = np.hstack([X_train, X_dev, X_test])
    mu = np.mean(everything, axis=1, keepdims=True)
    sigma = np.std(everything, axis=1, keepdims=True)
    return (X_train - mu) / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma
