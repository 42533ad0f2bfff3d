"""The notebook's way: both gaps, then an if/elif chain that tests 'both' first.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    if high_bias and high_variance:
        diagnosis = "both"
    elif high_bias:
        diagnosis = "high bias"
    elif high_variance:
        diagnosis = "high variance"
    else:
        diagnosis = "neither"
    remedy = "bigger network" if high_bias else "more data" if high_variance else "none"
    return diagnosis, remedy
