"""Correct: a generator of differing places, next() with a default of None.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    L = len(activations_a)

    def differs(a, b):
        return np.linalg.norm((a - b).ravel()) > rtol * np.linalg.norm(a.ravel())

    def places():
        for l in range(1, L + 1):
            if differs(activations_a[l - 1], activations_b[l - 1]):
                yield "forward", l
        for l in range(L, 0, -1):
            for name in ("dW%d" % l, "db%d" % l):
                if differs(grads_a[name], grads_b[name]):
                    yield "backward", name

    return next(places(), None)
