"""With both high, recommends more data first.

expect: fail
mentions: bias first
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    diagnosis = "both" if high_bias and high_variance else "high bias" if high_bias else \
        "high variance" if high_variance else "neither"
    return diagnosis, "more data" if high_variance else "bigger network" if high_bias else "none"
