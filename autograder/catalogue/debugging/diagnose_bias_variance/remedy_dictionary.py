"""The remedy looked up in a dict from the diagnosis.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    first_remedy = {"high bias": "bigger network", "both": "bigger network", "high variance": "more data",
                    "neither": "none"}
    if high_bias and high_variance:
        diagnosis = "both"
    elif high_bias:
        diagnosis = "high bias"
    elif high_variance:
        diagnosis = "high variance"
    else:
        diagnosis = "neither"
    return diagnosis, first_remedy[diagnosis]
