"""A helper that fits and applies, called on each set.

expect: fail
mentions: own mean
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    def normalize(X):
        return (X - np.mean(X, axis=1, keepdims=True)) / np.std(X, axis=1, keepdims=True)

    return normalize(X_train), normalize(X_dev), normalize(X_test)
