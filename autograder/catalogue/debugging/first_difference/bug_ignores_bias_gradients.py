"""Compares only the weights' gradients dW, never db.

expect: fail
mentions: db
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def differ(a, b):
        return np.linalg.norm(a - b) > rtol * max(np.linalg.norm(a), np.linalg.norm(b))

    L = len(activations_a)
    for l in range(1, L + 1):
        if differ(activations_a[l - 1], activations_b[l - 1]):
            return ("forward", l)
    for l in range(L, 0, -1):
        if differ(grads_a[f"dW{l}"], grads_b[f"dW{l}"]):
            return ("backward", f"dW{l}")
    return None
