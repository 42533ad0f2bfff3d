"""A match statement on the pair of booleans.

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error > tolerance
    high_variance = dev_error - train_error > tolerance
    match (bool(high_bias), bool(high_variance)):
        case (True, True):
            return "both", "bigger network"
        case (True, False):
            return "high bias", "bigger network"
        case (False, True):
            return "high variance", "more data"
        case _:
            return "neither", "none"
