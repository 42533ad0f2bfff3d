"""Correct, and prints every relative difference it computes.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def relative(a, b):
        value = np.linalg.norm(a - b) / max(np.linalg.norm(a), np.linalg.norm(b))
        print(f"relative difference {value:.2e}")
        return value

    L = len(activations_a)
    for l in range(1, L + 1):
        if relative(activations_a[l - 1], activations_b[l - 1]) > rtol:
            return ("forward", l)
    for l in range(L, 0, -1):
        for name in (f"dW{l}", f"db{l}"):
            if relative(grads_a[name], grads_b[name]) > rtol:
                return ("backward", name)
    return None
