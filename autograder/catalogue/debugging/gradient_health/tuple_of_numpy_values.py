"""Returns a tuple of dicts holding NumPy bools and NumPy floats.

expect: pass
"""
import numpy as np


def gradient_health(parameters, grads, cache, activations, threshold=4.0):
    entries = []
    for l, g in enumerate(activations, start=1):
        dW, db = grads["dW" + str(l)], grads["db" + str(l)]
        both = np.concatenate([dW.ravel(), db.ravel()])
        entries.append({
            "ratio": np.linalg.norm(dW) / np.linalg.norm(parameters["W" + str(l)]),
            "zero": np.all(dW == 0) | np.all(db == 0),
            "nan_or_inf": ~np.all(np.isfinite(both)),
            "saturated": np.mean(np.abs(cache["Z" + str(l)]) > threshold) if g in ("sigmoid", "tanh") else None,
        })
    return tuple(entries)
