"""Correct: sums of squares instead of norms (rtol squared), and a NumPy int for the layer.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def differ(a, b):
        return np.sum((a - b) ** 2) > rtol ** 2 * max(np.sum(a ** 2), np.sum(b ** 2))

    layers = np.arange(1, len(activations_a) + 1)
    for l in layers:
        if differ(activations_a[l - 1], activations_b[l - 1]):
            return ("forward", l)
    for l in layers[::-1]:
        for p in ("W", "b"):
            if differ(grads_a[f"d{p}{l}"], grads_b[f"d{p}{l}"]):
                return ("backward", f"d{p}{l}")
    return None
