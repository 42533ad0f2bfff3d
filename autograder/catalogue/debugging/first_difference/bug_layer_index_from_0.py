"""Returns the list index of the layer (from 0), not its number.

expect: fail
mentions: off by one, from 1
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def differ(a, b):
        return np.linalg.norm(a - b) > rtol * max(np.linalg.norm(a), np.linalg.norm(b))

    L = len(activations_a)
    for i in range(L):
        if differ(activations_a[i], activations_b[i]):
            return ("forward", i)
    for l in range(L, 0, -1):
        for name in (f"dW{l}", f"db{l}"):
            if differ(grads_a[name], grads_b[name]):
                return ("backward", name)
    return None
