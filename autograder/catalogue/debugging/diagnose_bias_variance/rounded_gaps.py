"""Rounds the gaps to 6 decimals before comparing.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    avoidable_bias = round(train_error - base_error, 6)
    variance = round(dev_error - train_error, 6)
    if avoidable_bias > tolerance:
        return ("both" if variance > tolerance else "high bias"), "bigger network"
    if variance > tolerance:
        return "high variance", "more data"
    return "neither", "none"
