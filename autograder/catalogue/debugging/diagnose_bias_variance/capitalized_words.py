"""Returns capitalized words ('High bias'), which the checks read case-insensitively.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    if high_bias and high_variance:
        return "Both", "Bigger network"
    if high_bias:
        return "High bias", "Bigger network"
    if high_variance:
        return "High variance", "More data"
    return "Neither", "None"
