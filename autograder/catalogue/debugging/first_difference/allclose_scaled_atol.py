"""Correct: np.allclose with rtol=0 and an atol scaled by the array's largest entry.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def close(a, b):
        return np.allclose(a, b, rtol=0, atol=rtol * np.abs(a).max())

    L = len(activations_a)
    for i in range(L):
        if not close(activations_a[i], activations_b[i]):
            return ("forward", i + 1)
    for i in range(L - 1, -1, -1):
        for kind in ("W", "b"):
            key = f"d{kind}{i + 1}"
            if not close(grads_a[key], grads_b[key]):
                return ("backward", key)
    return None
