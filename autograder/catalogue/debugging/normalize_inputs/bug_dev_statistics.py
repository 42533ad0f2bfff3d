"""Fits mu and sigma on the dev set.

expect: fail
mentions: dev set
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_dev, axis=1, keepdims=True)
    sigma = np.std(X_dev, axis=1, keepdims=True)
    return (X_train - mu) / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma
