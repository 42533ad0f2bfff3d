"""np.mean and np.std without an axis: one number for all the features.

expect: fail
mentions: all the entries
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.mean(X_train)
    sigma = np.std(X_train)
    return (X_train - mu) / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma
