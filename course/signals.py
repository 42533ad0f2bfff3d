"""How the scale of the activations evolves through a deep stack of layers.

Used by the initialization notebook to show vanishing and exploding signals numerically.
"""

import numpy as np


def activation_scales(weight_fn, depth=30, width=200, m=500, activation="relu", seed=0):
    """Push a batch of standard-normal inputs through `depth` layers and measure each layer's output.

    Inputs:
    - weight_fn: function (n_l, n_prev, rng) -> W of shape (n_l, n_prev); biases are zero
    - depth: number of layers; width: units per layer (and input features); m: examples
    - activation: "relu", "tanh" or "linear"
    Returns:
    - scales: (depth + 1,) root mean square of the activations, scales[0] for the input X
    """
    activations = {"relu": lambda z: np.maximum(0, z), "tanh": np.tanh, "linear": lambda z: z}
    g = activations[activation]
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((width, m))
    scales = [np.sqrt(np.mean(A ** 2))]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(depth):
            A = g(weight_fn(width, width, rng) @ A)
            scales.append(np.sqrt(np.mean(A ** 2)))
    return np.array(scales)
