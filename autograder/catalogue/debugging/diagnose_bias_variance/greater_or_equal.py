"""Compares with >= (no model of the tables sits on the edge).

expect: pass
"""
def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    high_bias = train_error - base_error >= tolerance
    high_variance = dev_error - train_error >= tolerance
    diagnosis = {(True, True): "both", (True, False): "high bias", (False, True): "high variance",
                 (False, False): "neither"}[(high_bias, high_variance)]
    remedy = "bigger network" if high_bias else ("more data" if high_variance else "none")
    return diagnosis, remedy
