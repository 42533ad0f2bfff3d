"""Collects each field in a dict by layer number, then builds the list.

expect: pass
"""
import numpy as np


def gradient_health(parameters, grads, cache, activations, threshold=4.0):
    L = len(activations)
    ratios = {l: np.linalg.norm(grads[f"dW{l}"]) / np.linalg.norm(parameters[f"W{l}"]) for l in range(1, L + 1)}
    zeros = {l: not (grads[f"dW{l}"].any() and grads[f"db{l}"].any()) for l in range(1, L + 1)}
    broken = {l: not (np.isfinite(grads[f"dW{l}"]).all() and np.isfinite(grads[f"db{l}"]).all())
              for l in range(1, L + 1)}
    saturation = {l: (np.abs(cache[f"Z{l}"]) > threshold).mean() for l in range(1, L + 1)
                  if activations[l - 1] in ("sigmoid", "tanh")}
    return [{"ratio": ratios[l], "zero": zeros[l], "nan_or_inf": broken[l], "saturated": saturation.get(l)}
            for l in sorted(ratios)]
