"""An if/elif chain that tests high bias before both.

expect: fail
mentions: both
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    if high_bias:
        diagnosis = "high bias"
    elif high_variance:
        diagnosis = "high variance"
    elif high_bias and high_variance:
        diagnosis = "both"
    else:
        diagnosis = "neither"
    return diagnosis, "bigger network" if high_bias else "more data" if high_variance else "none"
