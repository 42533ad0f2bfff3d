"""Correct, returns lists ["forward", l] and ["backward", name], relative to ||b|| only.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    for l in range(len(activations_a)):
        diff = np.linalg.norm(activations_a[l] - activations_b[l])
        if diff > rtol * np.linalg.norm(activations_b[l]):
            return ["forward", l + 1]
    for l in range(len(activations_a), 0, -1):
        for name in ["dW" + str(l), "db" + str(l)]:
            diff = np.linalg.norm(grads_a[name] - grads_b[name])
            if diff > rtol * np.linalg.norm(grads_b[name]):
                return ["backward", name]
    return None
