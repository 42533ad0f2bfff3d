"""An if/elif chain that tests high variance first, remedy included.

expect: fail
mentions: both
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    if high_variance:
        return "high variance", "more data"
    elif high_bias:
        return "high bias", "bigger network"
    elif high_bias and high_variance:
        return "both", "bigger network"
    return "neither", "none"
