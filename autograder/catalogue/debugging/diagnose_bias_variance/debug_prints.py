"""Correct, and prints the gaps and the verdict.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    avoidable_bias = train_error - base_error
    variance = dev_error - train_error
    print(f"avoidable bias {avoidable_bias:.3f}, variance {variance:.3f}, tolerance {tolerance}")
    high_bias, high_variance = avoidable_bias > tolerance, variance > tolerance
    if high_bias and high_variance:
        diagnosis = "both"
    elif high_bias:
        diagnosis = "high bias"
    elif high_variance:
        diagnosis = "high variance"
    else:
        diagnosis = "neither"
    remedy = "bigger network" if high_bias else "more data" if high_variance else "none"
    print("->", diagnosis, "/", remedy)
    return diagnosis, remedy
