"""Freezing the random numbers a cost function draws (dropout masks)."""

import copy

import numpy as np


def freeze_random(cost, seed=None, rng=None):
    """
    Wrap a cost so that every evaluation replays the same random numbers.

    A forward pass with dropout draws new masks at every call, so its cost is
    not a function of the parameters alone and no numerical gradient of it
    exists. Resetting the random state before each evaluation holds the masks
    fixed; if the gradients were computed from a forward pass started from the
    same state, the masks are the very ones the backward pass used, and a
    dropout backward can be checked like any other.

    Example (course style, global NumPy random state):

        np.random.seed(3)
        AL, cache = forward_propagation_with_dropout(X, params, keep_prob=0.8)
        grads = backward_propagation_with_dropout(X, Y, cache, keep_prob=0.8)

        def cost(p):
            AL, _ = forward_propagation_with_dropout(X, p, keep_prob=0.8)
            return compute_cost(AL, Y)

        report = gradcheck(freeze_random(cost, seed=3), params, grads,
                           keep_prob=0.8)

    With a Generator instead of the global state, pass rng= the Generator
    the forward pass draws from, *before* drawing the masks used for grads:

        rng = np.random.default_rng(0)
        frozen = freeze_random(cost_using(rng), rng=rng)  # snapshot taken here
        AL, cache = forward(X, params, rng=rng)            # same masks
        grads = backward(...)
        gradcheck(frozen, params, grads)

    Inputs:
    - cost: callable, params dict -> float
    - seed: int or None; with an int, np.random.seed(seed) runs before each
      evaluation; with None (and no rng) the global state as it is now is
      snapshotted and restored before each evaluation
    - rng: optional np.random.Generator to snapshot now and restore before
      each evaluation (instead of the global state)

    Returns:
    - frozen: callable, params dict -> float; after each call the global
      random state is put back as it was, so the caller's stream of random
      numbers is not disturbed
    """
    if rng is not None:
        state = copy.deepcopy(rng.bit_generator.state)

        def frozen(params):
            rng.bit_generator.state = state
            return cost(params)
        return frozen

    snapshot = np.random.get_state() if seed is None else None

    def frozen(params):
        outer = np.random.get_state()
        if snapshot is None:
            np.random.seed(seed)
        else:
            np.random.set_state(snapshot)
        try:
            return cost(params)
        finally:
            np.random.set_state(outer)
    return frozen
