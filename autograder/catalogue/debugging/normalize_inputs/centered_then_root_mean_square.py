"""Centers the training set first, then sigma is the root mean square of it (the source document's steps, with the square root).

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    m = X_train.shape[1]
    mu = np.sum(X_train, axis=1, keepdims=True) / m
    X_train = X_train - mu
    sigma2 = np.sum(X_train ** 2, axis=1, keepdims=True) / m
    sigma = np.sqrt(sigma2)
    return X_train / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma
