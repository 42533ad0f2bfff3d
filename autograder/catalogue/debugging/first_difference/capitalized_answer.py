"""Correct, answers "Forward" and "Backward" with capitals, and "dw" in lower case.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def differ(a, b):
        return np.linalg.norm(a - b) > rtol * max(np.linalg.norm(a), np.linalg.norm(b))

    L = len(activations_a)
    for l in range(1, L + 1):
        if differ(activations_a[l - 1], activations_b[l - 1]):
            return ("Forward", l)
    for l in range(L, 0, -1):
        if differ(grads_a[f"dW{l}"], grads_b[f"dW{l}"]):
            return ("Backward", f"dw{l}")
        if differ(grads_a[f"db{l}"], grads_b[f"db{l}"]):
            return ("Backward", f"db{l}")
    return None
