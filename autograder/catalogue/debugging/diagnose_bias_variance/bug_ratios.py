"""Compares ratios of errors with 1 + tolerance.

expect: fail
mentions: ratios
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error / base_error > 1 + tolerance if base_error > 0 else train_error > tolerance
    high_variance = dev_error / train_error > 1 + tolerance
    diagnosis = "both" if high_bias and high_variance else "high bias" if high_bias else \
        "high variance" if high_variance else "neither"
    return diagnosis, "bigger network" if high_bias else "more data" if high_variance else "none"
