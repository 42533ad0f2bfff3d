"""Correct: the gradient checking formula ||a - b|| / (||a|| + ||b||) against rtol.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def relative(a, b):
        return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))

    L = len(activations_a)
    for l in range(L):
        if relative(activations_a[l], activations_b[l]) > rtol:
            return "forward", l + 1
    for l in range(L, 0, -1):
        if relative(grads_a["dW%d" % l], grads_b["dW%d" % l]) > rtol:
            return "backward", "dW%d" % l
        if relative(grads_a["db%d" % l], grads_b["db%d" % l]) > rtol:
            return "backward", "db%d" % l
    return None
