"""Is the provided network right, and does it stay finite where the classic one prints inf?"""

import warnings

import numpy as np
import pytest

from course.network import backward_propagation, cross_entropy_from_logits, forward_propagation, sigmoid, train, update_parameters


def random_parameters(rng, dims=(3, 5, 4, 1), scale=1.0):
    return {key: value for l in range(1, len(dims)) for key, value in (
        (f"W{l}", rng.standard_normal((dims[l], dims[l - 1])) * scale),
        (f"b{l}", rng.standard_normal((dims[l], 1)) * scale))}


def naive_cross_entropy(A3, Y):
    return float(-np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)))


def test_does_the_logit_cost_equal_the_textbook_formula_where_both_are_finite():
    rng = np.random.default_rng(0)
    Z = rng.normal(0, 3, size=(1, 50))
    Y = rng.integers(0, 2, size=(1, 50))
    assert cross_entropy_from_logits(Z, Y) == pytest.approx(naive_cross_entropy(sigmoid(Z), Y), rel=1e-12)


def test_do_saturated_logits_give_a_finite_cost_and_no_warning():
    Z = np.array([[800.0, -800.0, 40.0, -40.0]])
    Y = np.array([[0, 1, 1, 0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cost = cross_entropy_from_logits(Z, Y)
        A = sigmoid(Z)
    # The two confident mistakes cost |z| each; the two confident right answers cost ~e^-40.
    assert cost == pytest.approx((800 + 800) / 4)
    assert np.all((A >= 0) & (A <= 1))


def test_does_backward_match_central_differences_of_the_cost():
    rng = np.random.default_rng(1)
    X, Y = rng.standard_normal((3, 7)), rng.integers(0, 2, size=(1, 7))
    parameters = random_parameters(rng)
    grads = backward_propagation(X, Y, forward_propagation(X, parameters)[1])

    def cost(params):
        return cross_entropy_from_logits(forward_propagation(X, params)[1][8], Y)

    step = 1e-6
    for key, value in parameters.items():
        numeric = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            shifted = {k: v.copy() for k, v in parameters.items()}
            shifted[key][index] += step
            up = cost(shifted)
            shifted[key][index] -= 2 * step
            numeric[index] = (up - cost(shifted)) / (2 * step)
        np.testing.assert_allclose(grads["d" + key], numeric, rtol=1e-5, atol=1e-8, err_msg=key)


def test_does_an_update_leave_the_old_parameters_untouched():
    rng = np.random.default_rng(2)
    parameters = random_parameters(rng)
    before = {k: v.copy() for k, v in parameters.items()}
    grads = {"d" + k: np.ones_like(v) for k, v in parameters.items()}
    updated = update_parameters(parameters, grads, 0.5)
    for key in parameters:
        np.testing.assert_array_equal(parameters[key], before[key])
        np.testing.assert_allclose(updated[key], before[key] - 0.5)


def he(layers_dims):
    return {key: value for l in range(1, len(layers_dims)) for key, value in (
        (f"W{l}", np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])),
        (f"b{l}", np.zeros((layers_dims[l], 1))))}


def test_does_a_seed_make_training_reproducible_and_record_the_cost_curve(capsys):
    rng = np.random.default_rng(3)
    X, Y = rng.standard_normal((2, 40)), rng.integers(0, 2, size=(1, 40))
    first, costs = train(X, Y, he, num_iterations=200, print_every=100, record_every=50, seed=5)
    second, _ = train(X, Y, he, num_iterations=200, print_every=0, seed=5)
    for key in first:
        np.testing.assert_array_equal(first[key], second[key])
    assert [iteration for iteration, _ in costs] == [0, 50, 100, 150, 200]
    assert costs[-1][1] < costs[0][1]
    assert capsys.readouterr().out.count("cost") == 3


def test_does_train_refuse_an_input_size_that_does_not_match_the_data():
    with pytest.raises(ValueError, match="layers_dims\\[0\\] is 3 but X has 2 features"):
        train(np.zeros((2, 5)), np.zeros((1, 5)), he, layers_dims=(3, 4, 1), num_iterations=1)


def test_does_compute_cost_equal_the_textbook_formula_and_stay_finite_when_saturated():
    from course.network import compute_cost

    rng = np.random.default_rng(4)
    A3, Y = rng.uniform(0.05, 0.95, size=(1, 30)), rng.integers(0, 2, size=(1, 30))
    assert compute_cost(A3, Y) == pytest.approx(naive_cross_entropy(A3, Y), rel=1e-12)
    assert isinstance(compute_cost(A3, Y), float)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        saturated = compute_cost(np.array([[1.0, 0.0]]), np.array([[0, 1]]))
    assert np.isfinite(saturated) and saturated > 30


def test_are_the_stored_initial_parameters_he_scaled_and_fresh_on_every_load():
    from course.network import load_initial_parameters

    first = load_initial_parameters([2, 20, 3, 1])
    assert {key: value.shape for key, value in first.items()} == {
        "W1": (20, 2), "b1": (20, 1), "W2": (3, 20), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1)}
    assert not any(np.any(first[f"b{l}"]) for l in (1, 2, 3))
    assert first["W2"].std() == pytest.approx(np.sqrt(2 / 20), rel=0.3)
    first["W1"][:] = 0   # a caller that changes its copy must not change the next one
    assert np.all(load_initial_parameters((2, 20, 3, 1))["W1"] != 0)


@pytest.mark.parametrize("layers_dims", [[2, 20, 3], [3, 2, 1], [2, 10, 5, 1], [400, 300, 200]])
def test_does_loading_initial_parameters_refuse_every_architecture_a_notebook_does_not_train(layers_dims):
    # Stored parameters for one architecture are not an initializer a student could submit.
    from course.network import load_initial_parameters

    with pytest.raises(ValueError, match=r"No stored initial parameters for layers_dims = .*; the stored ones "
                                         r"are for \[2, 20, 3, 1\]"):
        load_initial_parameters(layers_dims)


def test_does_train_use_the_given_cost_and_backward_and_call_the_monitor():
    rng = np.random.default_rng(5)
    X, Y = rng.standard_normal((2, 30)), rng.integers(0, 2, size=(1, 30))
    seen, monitored = [], []

    def backward(X, Y, cache):
        seen.append(cache[2].shape)
        return backward_propagation(X, Y, cache)

    parameters, costs = train(X, Y, he, num_iterations=20, print_every=0, record_every=10, seed=1,
                              cost=lambda A3, parameters: float(np.sum(parameters["W1"] ** 2)),
                              backward=backward, monitor=lambda i, parameters: monitored.append(i))
    assert len(seen) == 20 and seen[0] == (10, 2)
    assert monitored == [0, 10, 20]
    assert costs[-1] == (20, pytest.approx(float(np.sum(parameters["W1"] ** 2))))


def test_does_training_many_draws_at_once_give_what_training_each_draw_gives():
    from course.datasets import load_dataset
    from course.network import train, train_draws

    X, Y, _, _ = load_dataset("rings")

    def drawing(factor):
        # Draws W1, b1, W2, ... in turn, so the seed decides every network; float32, to check the cast.
        return lambda layers_dims: {key: value for l in range(1, len(layers_dims)) for key, value in (
            (f"W{l}", (np.random.randn(layers_dims[l], layers_dims[l - 1])
                       * factor(layers_dims[l - 1])).astype(np.float32)),
            (f"b{l}", np.random.randn(layers_dims[l], 1) * 0.1))}

    initializers = {"x10": drawing(lambda n: 10.0), "he": drawing(lambda n: np.sqrt(2 / n))}
    seeds = [3, 0, 7]
    together = train_draws(X, Y, initializers, seeds=iter(seeds), num_iterations=400)
    assert list(together) == ["x10", "he"]
    for name, initialize in initializers.items():
        assert len(together[name]) == len(seeds)
        for (parameters, cost), seed in zip(together[name], seeds):
            alone, costs = train(X, Y, initialize, seed=seed, num_iterations=400, print_every=0)
            assert set(parameters) == set(alone)
            for key in alone:
                np.testing.assert_allclose(parameters[key], alone[key], rtol=1e-10, atol=1e-12, err_msg=(name, key))
            assert cost == pytest.approx(costs[-1][1], rel=1e-10)
    assert not np.allclose(together["he"][0][0]["W1"], together["he"][1][0]["W1"])   # seeds differ
