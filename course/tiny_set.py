"""Three provided training loops for the debugging notebook's "overfit a tiny set" exercise.

Each of IMPLEMENTATIONS["A"], ["B"] and ["C"] trains the course's 3-layer network
(course.network: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, layers [n_x, 20, 5, 1]) by
batch gradient descent on whatever examples it is given:

    parameters, costs = IMPLEMENTATIONS[name](X, Y, num_iterations, learning_rate)

- X: (n_x, m) inputs, one example per column; Y: (1, m) labels in {0, 1}
- parameters: the trained parameters (W1, b1, W2, b2, W3, b3)
- costs: list of num_iterations + 1 floats, the cross-entropy on (X, Y) before each step and, last,
  after the final step (costs[-1] is the cost of the trained network)

All three start from the same parameters (initial_parameters), drawn afresh on every call. They
differ in how they step, and one of them has a bug. Trained on a few hundred examples, all three
look fine; the notebook finds out which one is wrong.
"""

import numpy as np

from course.network import backward_propagation, cross_entropy_from_logits, forward_propagation

HIDDEN_UNITS = (20, 5)


def initial_parameters(n_x):
    """The starting parameters of every implementation, for inputs with n_x features.

    He initialization drawn from its own fixed random generator (np.random is left alone), so every
    call returns the same fresh arrays: W1 (20, n_x), b1 (20, 1), W2 (5, 20), b2 (5, 1), W3 (1, 5),
    b3 (1, 1).
    """
    rng = np.random.RandomState(3)
    sizes = (n_x,) + HIDDEN_UNITS + (1,)
    parameters = {}
    for l in range(1, len(sizes)):
        parameters[f"W{l}"] = rng.randn(sizes[l], sizes[l - 1]) * np.sqrt(2.0 / sizes[l - 1])
        parameters[f"b{l}"] = np.zeros((sizes[l], 1))
    return parameters


def _train(X, Y, num_iterations, learning_rate, step):
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    parameters = initial_parameters(X.shape[0])
    state = {}
    costs = []
    for i in range(num_iterations + 1):
        A3, cache = forward_propagation(X, parameters)
        costs.append(cross_entropy_from_logits(cache[8], Y))
        if i == num_iterations:
            break
        grads = backward_propagation(X, Y, cache)
        parameters = step(parameters, grads, learning_rate, X.shape[1], state)
    return parameters, costs


def _plain_step(parameters, grads, learning_rate, m, state):
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def _momentum_step(parameters, grads, learning_rate, m, state, beta=0.5):
    velocity = state.setdefault("velocity", {key: np.zeros_like(value) for key, value in parameters.items()})
    for key in parameters:
        velocity[key] = beta * velocity[key] + (1 - beta) * grads["d" + key]
    return {key: value - learning_rate * velocity[key] for key, value in parameters.items()}


def _decayed_step(parameters, grads, learning_rate, m, state, lambd=0.7):
    # The weights shrink a little at every step (the update of the regularization notebook).
    return {key: value - learning_rate * (grads["d" + key] + (lambd / m * value if key[0] == "W" else 0.0))
            for key, value in parameters.items()}


def train_a(X, Y, num_iterations, learning_rate):
    """Batch gradient descent: W := W - learning_rate * dW, b := b - learning_rate * db."""
    return _train(X, Y, num_iterations, learning_rate, _plain_step)


def train_b(X, Y, num_iterations, learning_rate):
    """Batch gradient descent with the update of the regularization notebook's training loop."""
    return _train(X, Y, num_iterations, learning_rate, _decayed_step)


def train_c(X, Y, num_iterations, learning_rate):
    """Batch gradient descent with momentum: each step follows a running average of the gradients."""
    return _train(X, Y, num_iterations, learning_rate, _momentum_step)


IMPLEMENTATIONS = {"A": train_a, "B": train_b, "C": train_c}
