"""Correct: builds the whole search order first (forward up, then gradients from the last layer back), then scans it.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    L = len(activations_a)
    order = [(("forward", l), activations_a[l - 1], activations_b[l - 1]) for l in range(1, L + 1)]
    for l in range(L, 0, -1):
        order += [(("backward", k), grads_a[k], grads_b[k]) for k in (f"dW{l}", f"db{l}")]
    for where, a, b in order:
        scale = max(np.linalg.norm(a), np.linalg.norm(b))
        if np.linalg.norm(a - b) > rtol * scale:
            return where
    return None
