"""Clips the gaps at 0 with max() before comparing.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    avoidable_bias = max(0.0, train_error - base_error)
    variance = max(0.0, dev_error - train_error)
    words = []
    if avoidable_bias > tolerance:
        words.append("high bias")
    if variance > tolerance:
        words.append("high variance")
    diagnosis = "both" if len(words) == 2 else words[0] if words else "neither"
    remedy = "bigger network" if avoidable_bias > tolerance else "more data" if words else "none"
    return diagnosis, remedy
