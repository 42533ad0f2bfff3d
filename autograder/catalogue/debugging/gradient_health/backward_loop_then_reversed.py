"""Walks the layers from the last one back, as backpropagation does, then reverses the list.

expect: pass
"""
import numpy as np


def gradient_health(parameters, grads, cache, activations, threshold=4.0):
    L = len(activations)
    report = []
    for l in range(L, 0, -1):
        W, dW, db, Z = parameters[f"W{l}"], grads[f"dW{l}"], grads[f"db{l}"], cache[f"Z{l}"]
        report.append({"ratio": np.linalg.norm(dW) / np.linalg.norm(W),
                       "zero": not np.any(dW) or not np.any(db),
                       "nan_or_inf": not np.isfinite(dW).all() or not np.isfinite(db).all(),
                       "saturated": None if activations[l - 1] == "relu" else np.mean(np.abs(Z) > threshold)})
    report.reverse()
    return report
