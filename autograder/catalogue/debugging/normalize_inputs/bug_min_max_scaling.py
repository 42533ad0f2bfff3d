"""Scales to [0, 1] with the training minimum and maximum.

expect: fail
mentions: minimum
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    low = X_train.min(axis=1, keepdims=True)
    high = X_train.max(axis=1, keepdims=True)
    return (X_train - low) / (high - low), (X_dev - low) / (high - low), (X_test - low) / (high - low)
