"""Nested ifs on the bias, then the variance.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    if high_bias:
        if high_variance:
            return "both", "bigger network"
        return "high bias", "bigger network"
    if high_variance:
        return "high variance", "more data"
    return "neither", "none"
