"""np.average for the mean, a list as the result.

expect: pass
"""
import numpy as np


def normalize_inputs(X_train, X_dev, X_test):
    mu = np.average(X_train, axis=1).reshape(-1, 1)
    sigma = np.sqrt(np.average((X_train - mu) ** 2, axis=1)).reshape(-1, 1)
    return [(X_train - mu) / sigma, (X_dev - mu) / sigma, (X_test - mu) / sigma]
