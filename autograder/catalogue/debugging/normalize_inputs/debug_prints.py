"""Correct, and prints the statistics and shapes.

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    print("shapes:", X_train.shape, X_dev.shape, X_test.shape)
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True)
    print("mu =", mu.ravel(), "sigma =", sigma.ravel())
    X_train_norm = (X_train - mu) / sigma
    print("train means after:", X_train_norm.mean(axis=1))
    return X_train_norm, (X_dev - mu) / sigma, (X_test - mu) / sigma
