"""Centers X_train in place, then takes its mean (now 0) for the dev and test sets.

expect: fail
mentions: not centered
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    X_train = X_train.astype(float)
    X_train -= np.mean(X_train, axis=1, keepdims=True)
    sigma = np.std(X_train, axis=1, keepdims=True)
    X_train /= sigma
    mu = np.mean(X_train, axis=1, keepdims=True)
    return X_train, (X_dev - mu) / sigma, (X_test - mu) / sigma
