"""Correct: computes every relative difference first, then picks the first one above rtol in search order.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    L = len(activations_a)
    forward = [np.linalg.norm(a - b) / np.linalg.norm(a) for a, b in zip(activations_a, activations_b)]
    names = [d + str(l) for l in range(L, 0, -1) for d in ("dW", "db")]
    backward = [np.linalg.norm(grads_a[n] - grads_b[n]) / np.linalg.norm(grads_a[n]) for n in names]
    above = np.flatnonzero(np.array(forward) > rtol)
    if above.size:
        return ("forward", int(above[0]) + 1)
    above = np.flatnonzero(np.array(backward) > rtol)
    if above.size:
        return ("backward", names[above[0]])
    return None
