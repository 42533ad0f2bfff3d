"""Calls the train-dev gap bias and the base-train gap variance.

expect: fail
mentions: swapped
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_variance = train_error - base_error > tolerance
    high_bias = dev_error - train_error > tolerance
    diagnosis = "both" if high_bias and high_variance else "high bias" if high_bias else \
        "high variance" if high_variance else "neither"
    return diagnosis, "bigger network" if high_bias else "more data" if high_variance else "none"
