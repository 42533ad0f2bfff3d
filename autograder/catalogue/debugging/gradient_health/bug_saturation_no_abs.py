"""Counts Z > threshold, forgetting the large negative inputs.

expect: fail
mentions: |Z|
"""
import numpy as np


def gradient_health(parameters, grads, cache, activations, threshold=4.0):
    report = []
    for l in range(1, len(activations) + 1):
        W, dW, db, Z = parameters[f"W{l}"], grads[f"dW{l}"], grads[f"db{l}"], cache[f"Z{l}"]
        ratio = np.linalg.norm(dW) / np.linalg.norm(W)
        zero = not np.any(dW) or not np.any(db)
        nan_or_inf = not (np.all(np.isfinite(dW)) and np.all(np.isfinite(db)))
        saturated = None if activations[l - 1] == "relu" else np.mean(Z > threshold)
        report.append({"ratio": ratio, "zero": zero, "nan_or_inf": nan_or_inf, "saturated": saturated})
    return report
