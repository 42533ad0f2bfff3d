"""Converts the errors to percent but leaves the tolerance a fraction.

expect: fail
mentions: percent
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    train, dev, base = 100 * train_error, 100 * dev_error, 100 * base_error
    high_bias = train - base > tolerance
    high_variance = dev - train > tolerance
    diagnosis = "both" if high_bias and high_variance else "high bias" if high_bias else \
        "high variance" if high_variance else "neither"
    return diagnosis, "bigger network" if high_bias else "more data" if high_variance else "none"
