"""One generator expression applies the training statistics to the three sets.

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu, sigma = X_train.mean(1, keepdims=True), X_train.std(1, keepdims=True)
    return tuple((X - mu) / sigma for X in (X_train, X_dev, X_test))
