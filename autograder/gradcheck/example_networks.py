"""Fixture networks for the gradient-check harness, used by its tests and its benchmark.

An L-layer fully connected network written independently of the course code
so that it can serve as an oracle: ReLU hidden layers, a sigmoid output, the
cross-entropy cost, optional L2 regularization (lambd) and optional inverted
dropout on the hidden layers (keep_prob).

Shapes: X (n_x, m), Y (1, m), W{l} (n[l], n[l-1]), b{l} (n[l], 1).

`backward` is correct unless it is asked for one of the planted bugs listed
in BUGS; the tests use those to check that the harness catches and names
each bug.
"""

import numpy as np

SMALL_DIMS = [2, 20, 3, 1]
WIDE_DIMS = [12288, 20, 7, 5, 1]
WIDE_SMALL_DIMS = [600, 20, 7, 5, 1]   # same shape of network, ~12k parameters

# bug name -> what the student did wrong
BUGS = {
    "missing_1_over_m": "dW and db not divided by m",
    "no_l2": "L2 term (lambd/m) * W left out of dW",
    "l2_half": "L2 term written as lambd/(2m) * W",
    "sign": "one gradient block with the wrong sign",
    "times2": "one gradient block twice too large",
    "transposed": "one weight gradient transposed",
    "no_relu_derivative": "dZ = dA at one hidden layer (ReLU derivative missing)",
    "no_dropout_mask": "dA not multiplied by the dropout mask D",
    "no_keep_prob_division": "dA * D not divided by keep_prob",
    "fresh_mask_backward": "a new dropout mask drawn in backward",
}


def make_data(layer_dims, m, seed=0):
    """
    Make a binary classification data set.

    Inputs:
    - layer_dims: list of layer sizes, layer_dims[0] = n_x
    - m: number of examples
    - seed: integer seed

    Returns a tuple of:
    - X: (n_x, m) inputs; image-like values in [0, 1) for wide inputs,
      standard normal for small ones
    - Y: (1, m) labels in {0, 1}
    """
    rng = np.random.default_rng(seed)
    n_x = layer_dims[0]
    X = rng.random((n_x, m)) if n_x > 100 else rng.standard_normal((n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(np.float64)
    return X, Y


def init_params(layer_dims, seed=0):
    """
    He-initialized parameters with small random biases (so that no gradient
    block is identically zero).

    Inputs:
    - layer_dims: list of layer sizes [n_x, n_1, ..., n_L]
    - seed: integer seed

    Returns:
    - params: dict with W{l} of shape (n[l], n[l-1]) and b{l} of shape (n[l], 1)
    """
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(layer_dims)):
        fan_in = layer_dims[l - 1]
        params[f"W{l}"] = rng.standard_normal((layer_dims[l], fan_in)) * np.sqrt(2.0 / fan_in)
        params[f"b{l}"] = rng.standard_normal((layer_dims[l], 1)) * 0.1
    return params


def _draw_mask(shape, keep_prob, rng):
    """A 0/1 float mask of the given shape, each entry 1 with probability keep_prob."""
    # Course style: the global NumPy state unless a Generator is given.
    u = rng.random(shape) if rng is not None else np.random.rand(*shape)
    return (u < keep_prob).astype(np.float64)


def forward(X, params, keep_prob=1.0, rng=None):
    """
    Forward pass: [LINEAR -> RELU (-> DROPOUT)] * (L-1) -> LINEAR -> SIGMOID.

    Inputs:
    - X: (n_x, m) inputs
    - params: dict of W{l} (n[l], n[l-1]) and b{l} (n[l], 1)
    - keep_prob: probability of keeping a hidden unit; 1.0 disables dropout
    - rng: optional np.random.Generator for the masks (default: np.random)

    Returns a tuple of:
    - AL: (1, m) output probabilities
    - cache: list with one dict per layer: A_prev, Z, W, D (mask or None)
    """
    L = len(params) // 2
    A = X
    cache = []
    for l in range(1, L + 1):
        W, b = params[f"W{l}"], params[f"b{l}"]
        Z = W @ A + b
        D = None
        if l < L:
            A_next = np.maximum(Z, 0.0)
            if keep_prob < 1.0:
                D = _draw_mask(A_next.shape, keep_prob, rng)
                A_next = A_next * D / keep_prob
        else:
            A_next = 0.5 * (1.0 + np.tanh(0.5 * Z))  # sigmoid, with no overflow for large -Z
        cache.append({"A_prev": A, "Z": Z, "W": W, "D": D})
        A = A_next
    return A, cache


def cost(ZL, Y, params, lambd=0.0):
    """
    Cross-entropy cost of sigmoid(ZL) plus the L2 penalty (lambd / (2m)) * sum ||W{l}||^2.

    Computed from the logits: -[y log a + (1-y) log(1-a)] = logaddexp(0, z) - y z. The textbook
    form from AL loses the digits that carry a saturated example's slope (1 - AL rounds), so a
    correct backprop could then fail a numerical check; graders use this stable form.

    Inputs:
    - ZL: (1, m) output logits
    - Y: (1, m) labels
    - params: dict of parameters (only the W{l} are penalized)
    - lambd: L2 regularization strength

    Returns:
    - J: float
    """
    m = Y.shape[1]
    J = np.sum(np.logaddexp(0.0, ZL) - Y * ZL) / m
    if lambd:
        L = len(params) // 2
        J += lambd / (2 * m) * sum(np.sum(params[f"W{l}"] ** 2) for l in range(1, L + 1))
    return float(J)


def make_cost(X, Y, lambd=0.0, keep_prob=1.0, rng=None):
    """
    The cost as a function of the parameters alone, as gradcheck wants it.

    Returns:
    - J: callable, params dict -> float
    """
    def J(params):
        _, cache = forward(X, params, keep_prob, rng)
        return cost(cache[-1]["Z"], Y, params, lambd)
    return J


def backward(AL, Y, cache, lambd=0.0, keep_prob=1.0, bug=None, layer=None, block=None, rng=None):
    """
    Backward pass for `forward` and `cost`; correct when bug is None.

    Inputs:
    - AL: (1, m) output of forward
    - Y: (1, m) labels
    - cache: the cache returned by forward
    - lambd: L2 regularization strength used in the cost
    - keep_prob: the keep probability used in forward
    - bug: None or a key of BUGS
    - layer: hidden layer of the bug for the layer-local bugs
      (no_relu_derivative); None means all layers for the others
    - block: gradient name for the block-local bugs (sign, times2, transposed)
    - rng: Generator for the fresh_mask_backward bug (default np.random)

    Returns:
    - grads: dict with dW{l} (n[l], n[l-1]), db{l} (n[l], 1) and, as extra
      keys the harness must ignore, dZ{l} and dA{l}
    """
    m = Y.shape[1]
    L = len(cache)
    grads = {}
    dZ = AL - Y
    for l in range(L, 0, -1):
        c = cache[l - 1]
        if l < L:
            dA = grads[f"dA{l}"]
            dA = _dropout_backward(dA, c["D"], keep_prob, bug, rng)
            dZ = dA if bug == "no_relu_derivative" and l == layer else dA * (c["Z"] > 0)
        scale = 1.0 if bug == "missing_1_over_m" else 1.0 / m
        dW = scale * dZ @ c["A_prev"].T
        db = scale * np.sum(dZ, axis=1, keepdims=True)
        dW = dW + _l2_term(c["W"], lambd, m, bug)
        grads[f"dZ{l}"], grads[f"dW{l}"], grads[f"db{l}"] = dZ, dW, db
        if l > 1:
            grads[f"dA{l - 1}"] = c["W"].T @ dZ
    if bug == "sign":
        grads[block] = -grads[block]
    elif bug == "times2":
        grads[block] = 2.0 * grads[block]
    elif bug == "transposed":
        grads[block] = grads[block].T.copy()
    return grads


def _dropout_backward(dA, D, keep_prob, bug, rng):
    """dA through the dropout of its layer (D None: no dropout), with the dropout bugs."""
    if D is None:
        return dA
    if bug == "no_dropout_mask":
        return dA / keep_prob
    if bug == "no_keep_prob_division":
        return dA * D
    if bug == "fresh_mask_backward":
        D = _draw_mask(D.shape, keep_prob, rng)
    return dA * D / keep_prob


def _l2_term(W, lambd, m, bug):
    """The L2 part of dW, with the L2 bugs."""
    if bug == "no_l2":
        return 0.0
    if bug == "l2_half":
        return lambd / (2 * m) * W
    return lambd / m * W


def problem(layer_dims, m, lambd=0.0, keep_prob=1.0, seed=0, bug=None, layer=None, block=None,
            frozen=True):
    """
    Everything a gradient check needs, with the masks frozen by a seed.

    Inputs: as for make_data, init_params and backward.

    Returns a tuple of:
    - J: callable, params -> cost; with frozen=True it replays the dropout
      masks of the forward pass that produced the gradients
      (np.random.seed(seed) before each evaluation), with frozen=False it
      draws fresh masks at every call
    - params: dict of parameters
    - grads: dict of gradients from backward (planted bug if asked)
    """
    X, Y = make_data(layer_dims, m, seed)
    params = init_params(layer_dims, seed + 1)
    np.random.seed(seed)
    AL, cache = forward(X, params, keep_prob)
    grads = backward(AL, Y, cache, lambd, keep_prob, bug=bug, layer=layer, block=block)
    base = make_cost(X, Y, lambd, keep_prob)

    if not frozen or keep_prob == 1.0:
        return base, params, grads

    def J(p):
        np.random.seed(seed)
        return base(p)
    return J, params, grads
