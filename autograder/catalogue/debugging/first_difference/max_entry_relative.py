"""Correct: the largest entry of |a - b| against the largest entry of |b|, with enumerate(start=1).

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def same(a, b):
        return np.max(np.abs(a - b)) <= rtol * np.max(np.abs(b))

    for layer, (a, b) in enumerate(zip(activations_a, activations_b), start=1):
        if not same(a, b):
            return ("forward", layer)
    for layer in reversed(range(1, len(activations_a) + 1)):
        if not same(grads_a["dW" + str(layer)], grads_b["dW" + str(layer)]):
            return ("backward", "dW" + str(layer))
        if not same(grads_a["db" + str(layer)], grads_b["db" + str(layer)]):
            return ("backward", "db" + str(layer))
    return None
