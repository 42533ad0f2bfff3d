"""The source document's recipe: divides by sigma^2 = sum(x ** 2) / m after centering.

expect: fail
mentions: variance
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    m = X_train.shape[1]
    mu = np.sum(X_train, axis=1, keepdims=True) / m
    X_train = X_train - mu
    sigma2 = np.sum(X_train ** 2, axis=1, keepdims=True) / m
    return X_train / sigma2, (X_dev - mu) / sigma2, (X_test - mu) / sigma2
