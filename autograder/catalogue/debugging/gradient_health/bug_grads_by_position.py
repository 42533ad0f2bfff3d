"""Pairs the weights and the weight gradients by their position in the dicts.

expect: fail
mentions: another layer
"""
import numpy as np


def gradient_health(parameters, grads, cache, activations, threshold=4.0):
    Ws = [value for key, value in parameters.items() if key.startswith("W")]
    dWs = [value for key, value in grads.items() if key.startswith("dW")]
    report = []
    for l, (W, dW) in enumerate(zip(Ws, dWs), start=1):
        db = grads[f"db{l}"]
        Z = cache[f"Z{l}"]
        report.append({"ratio": np.linalg.norm(dW) / np.linalg.norm(W),
                       "zero": not np.any(grads[f"dW{l}"]) or not np.any(db),
                       "nan_or_inf": not (np.all(np.isfinite(grads[f"dW{l}"])) and np.all(np.isfinite(db))),
                       "saturated": None if activations[l - 1] == "relu" else np.mean(np.abs(Z) > threshold)})
    return report
