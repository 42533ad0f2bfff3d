"""Names the gaps as in the lectures, avoidable bias and variance, with early returns.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    avoidable_bias = train_error - base_error
    variance = dev_error - train_error
    if avoidable_bias <= tolerance and variance <= tolerance:
        return "neither", "none"
    if avoidable_bias <= tolerance:
        return "high variance", "more data"
    if variance <= tolerance:
        return "high bias", "bigger network"
    return "both", "bigger network"
