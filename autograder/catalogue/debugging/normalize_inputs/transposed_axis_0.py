"""Works on the transposes (examples in rows) with axis=0, then transposes back.

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    T = X_train.T
    mu = T.mean(axis=0)
    sigma = T.std(axis=0)
    return ((X_train.T - mu) / sigma).T, ((X_dev.T - mu) / sigma).T, ((X_test.T - mu) / sigma).T
