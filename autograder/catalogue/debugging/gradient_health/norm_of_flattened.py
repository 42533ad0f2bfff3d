"""Frobenius norm as the 2-norm of the flattened matrices; zero as a max of |dW| equal to 0.

expect: pass
"""
import numpy as np


def gradient_health(parameters, grads, cache, activations, threshold=4.0):
    report = []
    for l in range(1, len(activations) + 1):
        W, dW, db, Z = parameters[f"W{l}"], grads[f"dW{l}"], grads[f"db{l}"], cache[f"Z{l}"]
        ratio = np.linalg.norm(dW.ravel(), 2) / np.linalg.norm(W.ravel(), 2)
        zero = np.max(np.abs(dW)) == 0 or np.max(np.abs(db)) == 0
        nan_or_inf = not (np.all(np.isfinite(dW)) and np.all(np.isfinite(db)))
        saturated = None if activations[l - 1] == "relu" else np.mean(np.abs(Z) > threshold)
        report.append({"ratio": ratio, "zero": zero, "nan_or_inf": nan_or_inf, "saturated": saturated})
    return report
