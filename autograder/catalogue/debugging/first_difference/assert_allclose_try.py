"""Correct: np.testing.assert_allclose with an atol relative to the array's scale, inside try/except.

expect: pass
"""
import numpy as np


def first_difference(activations_a, activations_b, grads_a, grads_b, rtol=1e-5):
    def differ(a, b):
        try:
            np.testing.assert_allclose(a, b, rtol=0, atol=rtol * np.max(np.abs(b)))
        except AssertionError:
            return True
        return False

    n_layers = len(activations_a)
    for layer in range(n_layers):
        if differ(activations_a[layer], activations_b[layer]):
            return ("forward", layer + 1)
    for layer in range(n_layers, 0, -1):
        for grad in ("dW", "db"):
            if differ(grads_a[grad + str(layer)], grads_b[grad + str(layer)]):
                return ("backward", grad + str(layer))
    return None
