"""Converts errors and tolerance alike to percent before comparing.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    train, dev, base, tol = (100 * x for x in (train_error, dev_error, base_error, tolerance))
    avoidable_bias = train - base
    variance = dev - train
    if avoidable_bias > tol and variance > tol:
        return "both", "bigger network"
    if avoidable_bias > tol:
        return "high bias", "bigger network"
    if variance > tol:
        return "high variance", "more data"
    return "neither", "none"
