"""Normalizes the training set only.

expect: fail
mentions: unnormalized
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True)
    return (X_train - mu) / sigma, X_dev, X_test
