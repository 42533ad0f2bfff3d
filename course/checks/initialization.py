"""Visible checks of the initialization notebook, and the parameter contract the hidden tests share."""

import re

import numpy as np

from .core import call_student, describe_call, fail, passed


def parameter_keys(layers_dims):
    """The keys a parameters dict for `layers_dims` must have, in order: W1, b1, ..., WL, bL."""
    return [f"{kind}{l}" for l in range(1, len(layers_dims)) for kind in ("W", "b")]


def expected_shape(key, layers_dims):
    """Shape of parameter `key` ("W3", "b1", ...): W[l] is (n[l], n[l-1]) and b[l] is (n[l], 1)."""
    l = int(key[1:])
    return (layers_dims[l], layers_dims[l - 1]) if key[0] == "W" else (layers_dims[l], 1)


def _natural_order(keys):
    return sorted(keys, key=lambda k: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", str(k))])


def check_parameters_contract(parameters, layers_dims, call=""):
    """Fail unless `parameters` is a well-formed parameters dict for `layers_dims`.

    Checked in this order, stopping at the first problem: a dict; exactly the keys W1, b1, ..., WL,
    bL; NumPy arrays; a floating-point dtype; W[l] of shape (n[l], n[l-1]) and b[l] of shape
    (n[l], 1); finite values; biases all zero (what the assignment asks for, not a rule of
    initialization: small random biases would also work).

    Inputs:
    - parameters: what the student's initialization function returned
    - layers_dims: list of layer sizes [n0, n1, ..., nL] it was called with
    - call: how it was called, e.g. "initialize_parameters_he([2, 10, 5, 1])", for the messages
    """
    __tracebackhide__ = True
    who = call or "your function"
    if not isinstance(parameters, dict):
        fail(f"{who} returned {type(parameters).__name__}, but it must return a dict of parameters "
             f"with keys W1, b1, ..., W{len(layers_dims) - 1}, b{len(layers_dims) - 1}.")
    expected = parameter_keys(layers_dims)
    missing = [k for k in expected if k not in parameters]
    unexpected = _natural_order(k for k in parameters if k not in expected)
    if missing or unexpected:
        parts = []
        if missing:
            parts.append(f"is missing {', '.join(missing)}")
        if unexpected:
            parts.append(f"has unexpected keys {', '.join(map(str, unexpected))}")
        fail(f"{who} returned a dict that {' and '.join(parts)}; with {len(layers_dims) - 1} layers "
             f"it needs exactly {', '.join(expected)}.")
    for key in expected:
        value = parameters[key]
        if not isinstance(value, np.ndarray):
            fail(f"{who} returned {key} as {type(value).__name__}, but every parameter must be a NumPy array.")
        if not np.issubdtype(value.dtype, np.floating):
            fail(f"{who} returned {key} with dtype {value.dtype}, but parameters must have a "
                 "floating-point dtype so that gradient descent can change them by small amounts.")
        shape = expected_shape(key, layers_dims)
        if value.shape != shape:
            l = int(key[1:])
            rule = f"(n[{l}], n[{l - 1}])" if key[0] == "W" else f"(n[{l}], 1)"
            hint = " (it looks transposed)" if value.shape == shape[::-1] and key[0] == "W" else ""
            fail(f"{who} returned {key} with shape {value.shape}, but it must have shape {rule} = {shape}{hint}.")
        if not np.all(np.isfinite(value)):
            fail(f"{who} returned {key} with values that are not finite (nan or inf).")
    for key in expected:
        if key[0] == "b" and np.any(parameters[key] != 0):
            fail(f"{who} returned {key} with nonzero entries, but this assignment asks for biases that start at "
                 "zero, the usual choice (the random weights alone are enough to make the units differ).")


def weight_std(W):
    """Standard deviation of the entries of W, computed in float64."""
    return float(np.std(np.asarray(W, dtype=np.float64)))


def check_weights_drawn_around_zero(call, key, W, required_std):
    """Fail unless the entries of W are not all zero and are centred on 0, as draws from
    N(0, required_std^2) are.

    The mean is judged by a t-test at six standard errors of the *measured* spread (and at least 2 % of the required
    scale), so a wrong scale is reported as a wrong standard deviation and only an off-centre draw
    (np.random.rand, abs) as a wrong mean. Checked before the spread, whose likely cause would
    otherwise be misnamed.
    """
    __tracebackhide__ = True
    w = np.asarray(W, dtype=np.float64).ravel()
    if not np.any(w):
        fail(f"{call} returned {key} with every entry zero, but these weights must be random "
             "(zero weights leave every unit of a layer computing the same thing).")
    mean = float(w.mean())
    if abs(mean) > max(0.02 * required_std, 6 * weight_std(w) / np.sqrt(w.size)):
        fail(f"{call} returned {key} with mean {mean:.4g}, but weights drawn from a normal distribution "
             f"centred on 0 with standard deviation {required_std:.4g} have a mean close to 0 "
             "(np.random.rand draws from [0, 1), np.random.randn from N(0, 1)).")


# Below this many entries the shape of the distribution is not tested (too little power).
MIN_ENTRIES_FOR_NORMALITY = 2000


def normality_tolerances(n):
    """(kurtosis, within) tolerances for n draws: how far the excess kurtosis may be from 0 and the
    fraction of entries within one standard deviation of the mean from 0.6827.

    For normal draws these are at least 8 and 6 standard errors (plus 0.005), so a correct
    initializer is rejected with probability below 1e-8; uniform draws (-1.2 and 0.577) are far outside.
    """
    return max(0.25, 8 * np.sqrt(24 / n)), 6 * np.sqrt(0.6827 * 0.3173 / n) + 0.005


def check_weights_look_normal(call, key, W):
    """Fail unless the entries of W have the shape of a normal distribution (tested from 2000 entries).

    Two statistics of the standardized entries, which do not depend on the scale: the excess
    kurtosis (0 for a normal distribution, -1.2 for a uniform one) and the fraction within one
    standard deviation of the mean (68.3 % for a normal distribution, 57.7 % for a uniform one).
    Checked after the mean and the standard deviation.
    """
    __tracebackhide__ = True
    w = np.asarray(W, dtype=np.float64).ravel()
    if w.size < MIN_ENTRIES_FOR_NORMALITY:
        return
    z = (w - w.mean()) / w.std()
    excess_kurtosis = float(np.mean(z ** 4) - 3)
    within_one_std = float(np.mean(np.abs(z) < 1))
    kurtosis_tolerance, within_tolerance = normality_tolerances(w.size)
    if abs(excess_kurtosis) > kurtosis_tolerance or abs(within_one_std - 0.6827) > within_tolerance:
        shape = "uniform" if excess_kurtosis < -0.9 else "not bell-shaped"
        fail(f"{call} returned {key} whose values look {shape} ({100 * within_one_std:.1f} % lie within "
             "one standard deviation of the mean instead of 68.3 %), but the weights must be drawn "
             "from a normal (Gaussian) distribution, e.g. with np.random.randn.")


def common_scale_mistakes(layers_dims, l):
    """(std, explanation) for the weight scales students often use by mistake in layer l.

    Used to name the likely cause when W[l] has the wrong standard deviation.
    """
    n_prev, n = layers_dims[l - 1], layers_dims[l]
    mistakes = [
        (np.sqrt(2 / n), f"sqrt(2 / n[{l}]): the fan-out n[{l}] was used instead of the fan-in n[{l - 1}]"),
        (2 / n_prev, f"2 / n[{l - 1}]: the variance was used as the multiplier instead of its square root"),
        (np.sqrt(1 / n_prev), f"sqrt(1 / n[{l - 1}]): LeCun's scale, which suits tanh rather than ReLU"),
        (np.sqrt(2 / (n_prev + n)),
         f"sqrt(2 / (n[{l - 1}] + n[{l}])): Glorot and Bengio's scale (Xavier in frameworks)"),
        (np.sqrt(2) / n_prev, f"sqrt(2) / n[{l - 1}]: the square root of n[{l - 1}] is missing"),
        (np.sqrt(2 / (n_prev + 1)), f"sqrt(2 / (n[{l - 1}] + 1)): the bias was counted as an input, but the fan-in "
                                    f"is n[{l - 1}], the number of weights per unit"),
        (10.0, "10: the factor of the large random initialization"),
        (0.01, "0.01: the factor of the classic small random initialization"),
        (1.0, "1: np.random.randn was not scaled at all"),
        (100.0, "100: the variance 10**2 was used as the multiplier instead of 10"),
        (np.sqrt(10), "sqrt(10): the square root of 10 was used instead of 10"),
        (np.sqrt(2 / n_prev), f"sqrt(2 / n[{l - 1}]): the He scale"),
    ]
    # Another layer's size, from an index off by one or more.
    for j in range(len(layers_dims)):
        if j not in (l - 1, l):
            mistakes.append((np.sqrt(2 / layers_dims[j]), f"sqrt(2 / n[{j}]): the size of the wrong layer was used"))
    return mistakes


def wrong_scale_message(call, key, measured, required, rule, candidates, tolerance):
    """One sentence: W[l] has the wrong standard deviation, what it must be, and the likely cause.

    Inputs:
    - measured, required: standard deviations; rule: the required formula as text ("10", "sqrt(2 / n[0]) ...")
    - candidates: (std, explanation) pairs of usual mistakes; the closest within `tolerance`
      (relative) is named as the likely cause, unless it is the required scale itself
    """
    matches = [(abs(measured / value - 1), text) for value, text in candidates
               if value > 0 and abs(measured / value - 1) <= tolerance and abs(value / required - 1) > tolerance]
    formula = rule if rule == f"{required:g}" else f"{rule} = {required:.4g}"
    cause = f"; {measured:.4g} is {min(matches)[1]}" if matches else ""
    return f"{call} returned {key} with standard deviation {measured:.4g}, but it must be {formula}{cause}."


def check_zero_weights(parameters, call):
    """Fail unless every weight matrix W[l] in `parameters` is all zeros."""
    __tracebackhide__ = True
    for key, value in parameters.items():
        if key[0] == "W" and np.any(value != 0):
            fail(f"{call} returned {key} with nonzero entries, but this initialization sets every weight to zero.")


def check_initialize_parameters_zeros(initialize_parameters_zeros):
    """Visible checks for initialize_parameters_zeros."""
    __tracebackhide__ = True
    for layers_dims in ([3, 2, 1], [2, 10, 5, 1]):
        call = describe_call(initialize_parameters_zeros, layers_dims)
        parameters = call_student(initialize_parameters_zeros, layers_dims)
        check_parameters_contract(parameters, layers_dims, call)
        check_zero_weights(parameters, call)
    passed("keys, shapes, dtype and zero values are right for [3, 2, 1] and [2, 10, 5, 1].")


def _check_weight_scale(initialize, layers_dims, required_std, rule, tolerance=0.1):
    """Fail unless every weight matrix is centred on 0, has roughly the required standard deviation
    and looks normal (a statistical test: no seeded comparison, so every correct style passes).

    required_std: function l -> required std of W[l]; rule: function l -> the formula, for messages.
    The visible check uses a loose tolerance; the hidden tests are stricter.
    """
    __tracebackhide__ = True
    call = describe_call(initialize, layers_dims)
    parameters = call_student(initialize, layers_dims)
    check_parameters_contract(parameters, layers_dims, call)
    for l in range(1, len(layers_dims)):
        measured, required = weight_std(parameters[f"W{l}"]), required_std(l)
        check_weights_drawn_around_zero(call, f"W{l}", parameters[f"W{l}"], required)
        if abs(measured / required - 1) > tolerance:
            fail(wrong_scale_message(call, f"W{l}", measured, required, rule(l),
                                     common_scale_mistakes(layers_dims, l), tolerance))
        check_weights_look_normal(call, f"W{l}", parameters[f"W{l}"])
    return parameters


def check_initialize_parameters_random(initialize_parameters_random):
    """Visible checks for initialize_parameters_random."""
    __tracebackhide__ = True
    for layers_dims in ([3, 2, 1], [2, 10, 5, 1]):
        call = describe_call(initialize_parameters_random, layers_dims)
        check_parameters_contract(call_student(initialize_parameters_random, layers_dims), layers_dims, call)
    _check_weight_scale(initialize_parameters_random, [400, 300, 200], lambda l: 10.0, lambda l: "10")
    passed("keys, shapes, dtype and zero biases are right for [3, 2, 1] and [2, 10, 5, 1].")
    passed("on [400, 300, 200] the weights are centred on 0, with a standard deviation close to 10 and a normal shape.")


def check_initialize_parameters_he(initialize_parameters_he):
    """Visible checks for initialize_parameters_he."""
    __tracebackhide__ = True
    for layers_dims in ([3, 2, 1], [2, 10, 5, 1]):
        call = describe_call(initialize_parameters_he, layers_dims)
        check_parameters_contract(call_student(initialize_parameters_he, layers_dims), layers_dims, call)
    # A wide net, and a small fan-in (3), where an off-by-one in the fan-in changes the scale by 13 %.
    for dims in ([400, 300, 200], [3, 4000, 5]):
        _check_weight_scale(initialize_parameters_he, dims, lambda l, dims=dims: np.sqrt(2 / dims[l - 1]),
                            lambda l, dims=dims: f"sqrt(2 / n[{l - 1}]) = sqrt(2 / {dims[l - 1]})")
    passed("keys, shapes, dtype and zero biases are right for [3, 2, 1] and [2, 10, 5, 1].")
    passed("on [400, 300, 200] and [3, 4000, 5] the weights of layer l are centred on 0, with a standard "
           "deviation close to sqrt(2 / n[l-1]) and a normal shape.")


def describe_parameters(parameters):
    """Print shape, mean and standard deviation of every parameter, to compare with an expected output."""
    for key, value in parameters.items():
        value = np.asarray(value, dtype=np.float64)
        print(f"{key:>3}: shape {value.shape!s:<12} mean {value.mean():+.4f}   std {value.std():.4f}")
