"""Searches the gradients from layer 1 up instead of from the last layer back.

expect: fail
mentions: last layer
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def differ(a, b):
        return np.linalg.norm(a - b) > rtol * max(np.linalg.norm(a), np.linalg.norm(b))

    L = len(activations_a)
    for l in range(1, L + 1):
        if differ(activations_a[l - 1], activations_b[l - 1]):
            return ("forward", l)
    for l in range(1, L + 1):
        for name in (f"dW{l}", f"db{l}"):
            if differ(grads_a[name], grads_b[name]):
                return ("backward", name)
    return None
