"""Gaps computed with NumPy, comparisons give np.bool_.

expect: pass
"""
import numpy as np


def diagnose_bias_variance(train_error, dev_error, base_error=0.0, tolerance=0.02):
    gaps = np.array([train_error - base_error, dev_error - train_error])
    high_bias, high_variance = gaps > tolerance
    names = np.array(["neither", "high variance", "high bias", "both"])
    diagnosis = str(names[2 * int(high_bias) + int(high_variance)])
    remedy = "bigger network" if high_bias else "more data" if high_variance else "none"
    return diagnosis, remedy
