"""The provided code of the gradient checking notebook: the [4, 5, 3, 1] network, its backward pass
with planted bugs, and the helpers that roll parameters and gradients into one vector and back.

The network: LINEAR -> TANH -> LINEAR -> TANH -> LINEAR -> SIGMOID, cost = mean cross-entropy.
Smooth hidden activations (tanh rather than ReLU) keep kinks out of the numerical gradient.
    X: (4, m)   Y: (1, m)   W1: (5, 4)  b1: (5, 1)  W2: (3, 5)  b2: (3, 1)  W3: (1, 3)  b3: (1, 1)

Nothing here computes a graded answer: `backward_propagation_n` is the buggy version the students
repair (tests/test_no_solver_in_course.py checks that it is not the right gradient).
"""

import contextlib

import numpy as np

from course.network import cross_entropy_from_logits, sigmoid

LAYERS_DIMS = (4, 5, 3, 1)
# The order in which parameters (and their gradients) are rolled into one vector.
PARAMETER_KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")
# The dropout of forward_propagation_n while a `dropout` block is active (None: no dropout).
_dropout = None


def forward_propagation_n(X, Y, parameters):
    """Forward pass and cost of the [4, 5, 3, 1] network.

    Inputs: X: (4, m), Y: (1, m) labels in {0, 1}, parameters: dict W1, b1, W2, b2, W3, b3.
    Returns (cost, cache): the mean cross-entropy (a float, computed from the logits so it keeps its
    digits) and cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).
    Inside a `with dropout(...)` block, A1 and A2 are dropped out (and so cached).
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    if _dropout is not None:
        A1 = _dropout.drop("D1", A1)
    Z2 = W2 @ A1 + b2
    A2 = np.tanh(Z2)
    if _dropout is not None:
        A2 = _dropout.drop("D2", A2)
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    cost = cross_entropy_from_logits(Z3, Y)
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return cost, cache


def backward_propagation_n(X, Y, cache):
    """Backward pass of the [4, 5, 3, 1] network, AS PROVIDED: it has planted bugs.

    Inputs: X: (4, m), Y: (1, m), cache from forward_propagation_n.
    Returns a dict with dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = (A3 - Y) / m          # the 1/m of the mean cost, once: every gradient below carries it
    dW3 = dZ3 @ A2.T
    db3 = np.sum(dZ3, axis=1, keepdims=True)

    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (1 - A2 ** 2)
    dW2 = dZ2 @ A1.T
    db2 = np.mean(dZ2, axis=1, keepdims=True)

    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (1 - Z1 ** 2)
    dW1 = dZ1 @ X.T
    db1 = np.sum(dZ1, axis=1, keepdims=True)

    return {"dZ3": dZ3, "dW3": dW3, "db3": db3,
            "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


class _Dropout(dict):
    """The masks of the last forward pass ("D1", "D2"), and how the next ones are drawn."""

    def __init__(self, keep_prob, seed, frozen):
        super().__init__()
        self.keep_prob, self.frozen = keep_prob, frozen
        self.rng = np.random.default_rng(seed)

    def drop(self, key, A):
        if not (self.frozen and key in self):
            self[key] = (self.rng.random(A.shape) < self.keep_prob).astype(np.float64)
        return A * self[key] / self.keep_prob


@contextlib.contextmanager
def dropout(keep_prob, seed, frozen):
    """Inverted dropout on A1 and A2 in forward_propagation_n, for the length of a with block.

    The masks come from np.random.default_rng(seed). frozen=True draws them at the first forward pass
    of the block and keeps them for every later one (what a gradient check needs); frozen=False draws
    fresh masks at every pass, as training does. The block's value is a dict holding the masks of the
    last pass, "D1" (5, m) and "D2" (3, m), of 0s and 1s.
    """
    global _dropout
    previous, _dropout = _dropout, _Dropout(keep_prob, seed, frozen)
    try:
        yield _dropout
    finally:
        _dropout = previous


def dictionary_to_vector(parameters):
    """Roll W1, b1, W2, b2, W3, b3 (in that order, each row by row) into one column vector.

    Returns (theta, keys): theta (n, 1) float64, and keys (n,) naming the parameter of each entry.
    """
    theta = np.concatenate([np.asarray(parameters[key], dtype=np.float64).reshape(-1, 1) for key in PARAMETER_KEYS])
    keys = np.concatenate([[key] * np.size(parameters[key]) for key in PARAMETER_KEYS])
    return theta, keys


def vector_to_dictionary(theta, layers_dims=LAYERS_DIMS):
    """Unroll a column vector made by dictionary_to_vector back into W1, b1, W2, b2, W3, b3.

    theta: (n, 1) or (n,); layers_dims: the layer sizes, [4, 5, 3, 1] by default. Returns a dict
    of new arrays.
    """
    theta = np.asarray(theta).reshape(-1)
    parameters, start = {}, 0
    for l in range(1, len(layers_dims)):
        for key, shape in ((f"W{l}", (layers_dims[l], layers_dims[l - 1])), (f"b{l}", (layers_dims[l], 1))):
            size = shape[0] * shape[1]
            parameters[key] = theta[start:start + size].reshape(shape).copy()
            start += size
    if start != theta.size:
        raise ValueError(f"theta has {theta.size} entries, but layers_dims {list(layers_dims)} need {start}")
    return parameters


def gradients_to_vector(gradients):
    """Roll dW1, db1, dW2, db2, dW3, db3 (in that order, like dictionary_to_vector) into one column
    vector (n, 1); other keys (dZ3, dA2, ...) are ignored."""
    return np.concatenate([np.asarray(gradients["d" + key], dtype=np.float64).reshape(-1, 1) for key in PARAMETER_KEYS])


def random_parameters(seed, layers_dims=LAYERS_DIMS, scale=1.0):
    """Parameters of the network drawn from np.random.default_rng(seed): standard normal entries
    times `scale` (weights and biases alike, so every block has something to check)."""
    rng = np.random.default_rng(seed)
    return {key: scale * rng.standard_normal((layers_dims[l], layers_dims[l - 1]) if key[0] == "W" else (layers_dims[l], 1))
            for l in range(1, len(layers_dims)) for key in (f"W{l}", f"b{l}")}
