"""Indexes a 2 x 2 table with the two booleans.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    table = [["neither", "high variance"], ["high bias", "both"]]
    remedies = [["none", "more data"], ["bigger network", "bigger network"]]
    return table[int(high_bias)][int(high_variance)], remedies[int(high_bias)][int(high_variance)]
