"""Finds the layers from the keys of parameters, zero and nan tests as Python sums.

expect: pass
"""
import numpy as np


def gradient_health(parameters, grads, cache, activations, threshold=4.0):
    L = len([key for key in parameters if key.startswith("W")])
    report = []
    for l in range(1, L + 1):
        W, dW, db = parameters["W%d" % l], grads["dW%d" % l], grads["db%d" % l]
        Z = cache["Z%d" % l]
        bad = int(np.sum(~np.isfinite(dW))) + int(np.sum(~np.isfinite(db)))
        report.append({
            "ratio": np.sqrt((dW * dW).sum()) / np.sqrt((W * W).sum()),
            "zero": int(np.sum(dW != 0)) == 0 or int(np.sum(db != 0)) == 0,
            "nan_or_inf": bad > 0,
            "saturated": None if activations[l - 1] == "relu" else (np.abs(Z) > threshold).sum() / Z.size,
        })
    return report
