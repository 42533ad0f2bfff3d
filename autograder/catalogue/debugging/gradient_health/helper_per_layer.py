"""A helper for one layer, called in a list comprehension.

expect: pass
"""
import numpy as np


def layer_health(W, dW, db, Z, activation, threshold):
    with np.errstate(invalid="ignore", over="ignore"):
        ratio = float(np.linalg.norm(dW) / np.linalg.norm(W))
    gradients = (dW, db)
    return {
        "ratio": ratio,
        "zero": any(not g.any() for g in gradients),
        "nan_or_inf": not all(np.isfinite(g).all() for g in gradients),
        "saturated": None if activation == "relu" else float(np.sum(np.abs(Z) > threshold) / np.size(Z)),
    }


def gradient_health(parameters, grads, cache, activations, threshold=4.0):
    return [layer_health(parameters[f"W{l}"], grads[f"dW{l}"], grads[f"db{l}"], cache[f"Z{l}"], activations[l - 1],
                         threshold) for l in range(1, len(activations) + 1)]
