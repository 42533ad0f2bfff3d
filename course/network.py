"""The provided 3-layer network: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

Shapes follow the course convention: one example per column.
    X: (n_x, m)   Y: (1, m)   W[l]: (n[l], n[l-1])   b[l]: (n[l], 1)   Z[l], A[l]: (n[l], m)

Every forward function returns (output, cache); every backward function takes that cache.
"""

import numpy as np

from course.datasets import read_stored_values


def sigmoid(Z):
    """Logistic function, computed as 0.5 * (1 + tanh(Z / 2)) so that large |Z| never overflows.

    Z: any shape -> A: same shape, values in [0, 1]
    """
    return 0.5 * (1.0 + np.tanh(0.5 * Z))


def relu(Z):
    """Rectified linear unit. Z: any shape -> A: same shape."""
    return np.maximum(0, Z)


def forward_propagation(X, parameters):
    """Forward pass of the 3-layer network.

    Inputs:
    - X: (n_x, m) input data
    - parameters: dict with W1 (n1, n_x), b1 (n1, 1), W2 (n2, n1), b2 (n2, 1), W3 (1, n2), b3 (1, 1)
    Returns:
    - A3: (1, m) predicted probabilities of class 1
    - cache: (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3), everything backward needs
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]

    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)

    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def cross_entropy_from_logits(Z3, Y):
    """Mean cross-entropy of sigmoid(Z3) against Y, computed from the logits Z3.

    -[y log(a) + (1 - y) log(1 - a)] with a = sigmoid(z) equals max(z, 0) - y z + log(1 + e^-|z|),
    which stays finite for any z. Computing it from A3 instead gives log(0) = -inf as soon as
    a saturated sigmoid rounds to exactly 0 or 1, which is what a large initialization does.

    Inputs: Z3: (1, m) logits, Y: (1, m) labels in {0, 1}
    Returns: the cost, a Python float
    """
    m = Y.shape[1]
    losses = np.maximum(Z3, 0) - Y * Z3 + np.log1p(np.exp(-np.abs(Z3)))
    return float(np.sum(losses) / m)


def compute_cost(A3, Y):
    """Mean cross-entropy of the predicted probabilities A3 against the labels Y.

    J = -(1/m) * sum(y log(a) + (1 - y) log(1 - a)). A3 is clipped to [1e-15, 1 - 1e-15] first:
    a sigmoid output that rounded to exactly 0 or 1 would otherwise give log(0) = -inf.

    Inputs: A3: (1, m) probabilities, Y: (1, m) labels in {0, 1}
    Returns: the cost, a Python float
    """
    m = Y.shape[1]
    A3 = np.clip(A3, 1e-15, 1 - 1e-15)
    return float(-np.sum(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)) / m)


def backward_propagation(X, Y, cache):
    """Backward pass of the 3-layer network for the mean cross-entropy cost.

    Inputs:
    - X: (n_x, m) input data, Y: (1, m) labels
    - cache: the cache returned by forward_propagation
    Returns:
    - grads: dict with dW1, db1, dW2, db2, dW3, db3 (same shapes as the parameters)
      and the intermediate dZ3, dA2, dZ2, dA1, dZ1
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m

    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (Z2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m

    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (Z1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    return {"dZ3": dZ3, "dW3": dW3, "db3": db3,
            "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def load_initial_parameters(layers_dims):
    """The fixed starting parameters of a network a notebook trains, read from the course data.

    They were drawn once with He initialization and stored, so that every student's run gives the
    notebook's figures and numbers. Only the notebooks' architectures have them: this is not an
    initializer (writing initializers is an exercise of the initialization notebook).

    Inputs: layers_dims: [n0, n1, ..., nL], an architecture a notebook trains ([2, 20, 3, 1])
    Returns: dict with W[l]: (n[l], n[l-1]) and b[l]: (n[l], 1) for l = 1..L, fresh arrays
    Raises ValueError for an architecture that has no stored parameters.
    """
    stored = read_stored_values("initial_parameters")   # {"2_20_3_1": parameters, ...}
    architectures = {tuple(int(n) for n in key.split("_")): key for key in stored}
    if tuple(layers_dims) not in architectures:
        raise ValueError(f"No stored initial parameters for layers_dims = {list(layers_dims)}; the stored "
                         f"ones are for {', '.join(str(list(dims)) for dims in architectures)}.")
    return stored[architectures[tuple(layers_dims)]]


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent; returns a new dict and leaves `parameters` unchanged.

    W[l] := W[l] - learning_rate * dW[l],  b[l] := b[l] - learning_rate * db[l]
    """
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def predict(X, parameters):
    """Class predictions. X: (n_x, m) -> (1, m) array of 0/1 (probability above 0.5 gives 1)."""
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(int)


def accuracy(X, Y, parameters):
    """Fraction of examples in X whose predicted class equals Y (a float in [0, 1])."""
    return float(np.mean(predict(X, parameters) == Y))


def train(X, Y, initialize, layers_dims=(2, 10, 5, 1), learning_rate=0.01,
          num_iterations=10000, print_every=2500, record_every=100, seed=None,
          cost=None, backward=None, monitor=None, forward=None):
    """Train the 3-layer network by batch gradient descent from a chosen initialization.

    Inputs:
    - X: (n_x, m) training inputs, Y: (1, m) training labels
    - initialize: a function layers_dims -> parameters dict, e.g. initialize_parameters_he or
      load_initial_parameters
    - layers_dims: sizes [n_x, n1, n2, 1]; the first entry must equal X.shape[0]
    - print_every: print the cost every this many iterations (0 prints nothing)
    - record_every: keep the cost every this many iterations for plotting
    - seed: if given, np.random.seed(seed) is called before `initialize`, so that an
      initialization drawing from np.random gives the same network on every run
    - cost: function (A3, parameters) -> float, the cost that is printed and recorded
      (default: the cross-entropy, computed from the logits)
    - backward: function (X, Y, cache) -> grads with dW1, db1, ..., dW3, db3
      (default: backward_propagation, the gradient of the cross-entropy)
    - monitor: function (iteration, parameters), called whenever the cost is recorded,
      e.g. to follow the cost on a dev set
    - forward: function (X, parameters) -> (A3, cache), the forward pass used for training, e.g.
      one with dropout (default: forward_propagation); with another forward pass, give the cost
      and the backward pass that go with its cache
    Returns:
    - parameters: the trained parameters
    - costs: list of (iteration, cost) pairs, recorded every `record_every` iterations
    """
    layers_dims = list(layers_dims)
    if layers_dims[0] != X.shape[0]:
        raise ValueError(f"layers_dims[0] is {layers_dims[0]} but X has {X.shape[0]} features per example")
    backward = backward or backward_propagation
    forward = forward or forward_propagation
    if seed is not None:
        np.random.seed(seed)
    parameters = initialize(layers_dims)
    costs = []
    for i in range(num_iterations + 1):
        A3, cache = forward(X, parameters)
        recording, printing = i % record_every == 0, bool(print_every) and i % print_every == 0
        if recording or printing:
            value = cross_entropy_from_logits(cache[8], Y) if cost is None else cost(A3, parameters)
            if recording:
                costs.append((i, value))
                if monitor is not None:
                    monitor(i, parameters)
            if printing:
                print(f"iteration {i:>6}: cost {value:.4f}")
        if i == num_iterations:
            break
        grads = backward(X, Y, cache)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def train_draws(X, Y, initializers, seeds, layers_dims=(2, 10, 5, 1), learning_rate=0.01, num_iterations=10000):
    """Train one network per initialization and seed, all at once, as `train` would train each.

    For each initialization and each seed, np.random.seed(seed) is called and then the initialization,
    exactly as `train(X, Y, initialize, seed=seed, print_every=0)` does. The networks are then stacked
    along a first axis and trained together: with matrices this small, NumPy's cost per call is most
    of the time, so twenty networks train in about the time of three or four.

    Inputs:
    - X: (n_x, m) training inputs, Y: (1, m) training labels
    - initializers: dict {name: function layers_dims -> parameters dict}
    - seeds: the seeds, one network per seed and initialization
    Returns:
    - dict {name: list of (parameters, final cost) pairs, one per seed}, the cost being the cross-entropy
    """
    layers_dims = list(layers_dims)
    if layers_dims[0] != X.shape[0]:
        raise ValueError(f"layers_dims[0] is {layers_dims[0]} but X has {X.shape[0]} features per example")
    if len(layers_dims) != 4:
        raise ValueError(f"train_draws trains the 3-layer network; layers_dims = {layers_dims} has "
                         f"{len(layers_dims) - 1} layers")
    seeds = list(seeds)
    draws = []
    for initialize in initializers.values():
        for seed in seeds:
            np.random.seed(seed)
            draws.append(initialize(layers_dims))
    # W[l]: (k, n[l], n[l-1]) and b[l]: (k, n[l], 1) for k networks; float64, as `train` would end up with.
    stacked = {key: np.stack([np.asarray(draw[key], dtype=float) for draw in draws])
               for key in ("W1", "b1", "W2", "b2", "W3", "b3")}
    m = X.shape[1]
    for i in range(num_iterations + 1):
        Z1 = stacked["W1"] @ X + stacked["b1"]
        A1 = relu(Z1)
        Z2 = stacked["W2"] @ A1 + stacked["b2"]
        A2 = relu(Z2)
        Z3 = stacked["W3"] @ A2 + stacked["b3"]
        if i == num_iterations:
            break
        # The gradients of backward_propagation, with the last two axes swapped instead of .T.
        dZ3 = sigmoid(Z3) - Y
        dZ2 = (np.swapaxes(stacked["W3"], 1, 2) @ dZ3) * (Z2 > 0)
        dZ1 = (np.swapaxes(stacked["W2"], 1, 2) @ dZ2) * (Z1 > 0)
        grads = {"dW3": dZ3 @ np.swapaxes(A2, 1, 2) / m, "db3": np.sum(dZ3, axis=2, keepdims=True) / m,
                 "dW2": dZ2 @ np.swapaxes(A1, 1, 2) / m, "db2": np.sum(dZ2, axis=2, keepdims=True) / m,
                 "dW1": dZ1 @ X.T / m, "db1": np.sum(dZ1, axis=2, keepdims=True) / m}
        stacked = update_parameters(stacked, grads, learning_rate)
    trained = [({key: value[j] for key, value in stacked.items()}, cross_entropy_from_logits(Z3[j], Y))
               for j in range(len(draws))]
    return {name: trained[k * len(seeds):(k + 1) * len(seeds)] for k, name in enumerate(initializers)}
