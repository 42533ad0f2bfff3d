"""Reports no ratio (None) for a layer whose gradient holds nan or inf.

expect: pass
"""
import numpy as np


def gradient_health(parameters, grads, cache, activations, threshold=4.0):
    report = []
    for l in range(1, len(activations) + 1):
        W, dW, db, Z = parameters[f"W{l}"], grads[f"dW{l}"], grads[f"db{l}"], cache[f"Z{l}"]
        nan_or_inf = not (np.isfinite(dW).all() and np.isfinite(db).all())
        ratio = None if not np.isfinite(dW).all() else np.linalg.norm(dW) / np.linalg.norm(W)
        zero = np.all(dW == 0) or np.all(db == 0)
        saturated = np.mean(np.abs(Z) > threshold) if activations[l - 1] != "relu" else None
        report.append(dict(ratio=ratio, zero=bool(zero), nan_or_inf=nan_or_inf, saturated=saturated))
    return report
