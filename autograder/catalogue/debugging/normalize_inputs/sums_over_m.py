"""Mean and standard deviation written out as sums over the m examples.

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    m = X_train.shape[1]
    mu = np.sum(X_train, axis=1, keepdims=True) / m
    sigma = np.sqrt(np.sum((X_train - mu) ** 2, axis=1, keepdims=True) / m)
    return (X_train - mu) / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma
