"""Copies each set, then subtracts and divides in place.

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True)
    out = []
    for X in (X_train, X_dev, X_test):
        X = X.astype(float).copy()
        X -= mu
        X /= sigma
        out.append(X)
    return out[0], out[1], out[2]
