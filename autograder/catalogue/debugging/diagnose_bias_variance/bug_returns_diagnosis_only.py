"""Returns only the diagnosis.

expect: fail
mentions: two strings
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    if high_bias and high_variance:
        return "both"
    if high_bias:
        return "high bias"
    if high_variance:
        return "high variance"
    return "neither"
