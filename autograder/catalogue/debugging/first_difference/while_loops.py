"""Correct: two while loops, norms of the flattened arrays with np.dot.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def norm(x):
        x = np.ravel(x)
        return np.sqrt(np.dot(x, x))

    def differ(a, b):
        return norm(a - b) > rtol * max(norm(a), norm(b))

    l = 1
    while l <= len(activations_a):
        if differ(activations_a[l - 1], activations_b[l - 1]):
            return ("forward", l)
        l += 1
    l = len(activations_a)
    while l >= 1:
        for name in ("dW" + str(l), "db" + str(l)):
            if differ(grads_a[name], grads_b[name]):
                return ("backward", name)
        l -= 1
    return None
