"""Correct: turns the lists into dicts A1..AL first, with spaces around the answer's words.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    A_a = {f"A{i + 1}": A for i, A in enumerate(activations_a)}
    A_b = {f"A{i + 1}": A for i, A in enumerate(activations_b)}
    L = len(A_a)

    def differ(a, b):
        return np.linalg.norm(a - b) > rtol * max(np.linalg.norm(a), np.linalg.norm(b))

    for l in range(1, L + 1):
        if differ(A_a[f"A{l}"], A_b[f"A{l}"]):
            return (" forward ", l)
    for l in range(L, 0, -1):
        for key in (f"dW{l}", f"db{l}"):
            if differ(grads_a[key], grads_b[key]):
                return ("backward", f" {key} ")
    return None
