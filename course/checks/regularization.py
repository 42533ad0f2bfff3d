"""Visible checks of the L2 regularization notebook, and the contracts the hidden tests share.

The checks run the student's functions on one fixed example and compare the results with the right
answers stored in course/data/stored_values.h5 (computed by the reference solutions, which never
ship: autograder/stored_values.py writes the file). Nothing here computes a graded answer, so nothing
a student imports can be submitted in place of one. The cost with lambd = 0 must be the plain
cross-entropy, and the extra part with lambd > 0 must be lambd / (2 m) times the sum of the squared
weights; the gradients with lambd = 0 must be those of the provided backward_propagation, and with
lambd > 0 each dW[l] gains (lambd / m) * W[l] while every db[l] stays the same. Comparing the two
settings tells a student which half of a function is wrong.
"""

import numpy as np

from course.datasets import read_stored_values
from course.network import forward_propagation

from .core import call_student, fail, passed

LAYERS = (1, 2, 3)
GRADIENT_KEYS = tuple(f"d{kind}{l}" for l in LAYERS for kind in ("W", "b"))
# Relative tolerance of a comparison with the exact value: far above the round-off of a correct
# answer computed in float64 or float32, far below the effect of any mistake in a formula.
RTOL = 1e-5
# The same for a gradient block. Computed in float32, a small block whose terms cancel (db3, the mean
# of A3 - Y) keeps their round-off: up to 3e-5 of the block over 270,000 blocks of fresh problems.
# Every mistake in the catalogue is off by more than 0.4 in some block of every hidden draw.
GRADIENT_RTOL = 1e-3
# lambd = 0 gives the unregularized answer, 0.7 the notebook's setting, and a third value shows
# whether the function uses its argument at all. The stored answers are for these values.
VISIBLE_LAMBDAS = (0.0, 0.7, 2.0)


# --- problems -------------------------------------------------------------------------------------

def deterministic_problem():
    """The fixed example of the visible checks, read from the stored values (the same on every machine).

    Returns make_problem(X, Y, parameters) with X: (3, 5), Y: (1, 5) and parameters W1: (4, 3),
    b1: (4, 1), W2: (3, 4), b2: (3, 1), W3: (1, 3), b3: (1, 1) (biases nonzero, so that a
    regularized bias shows).
    """
    example = read_stored_values("regularization/example")
    return make_problem(example["X"], example["Y"], example["parameters"])


def make_problem(X, Y, parameters):
    """A problem for the checks: X, Y, parameters, and A3, cache from forward_propagation(X, parameters),
    with sizes = (n_x, n1, n2, m)."""
    A3, cache = forward_propagation(X, parameters)
    sizes = (X.shape[0], parameters["W1"].shape[0], parameters["W2"].shape[0], X.shape[1])
    return {"X": X, "Y": Y, "parameters": parameters, "A3": A3, "cache": cache, "sizes": sizes}


def stored_answers():
    """The right answers on the fixed example, for each lambd of VISIBLE_LAMBDAS, from the stored values.

    Returns (costs, gradients): costs {lambd: float}; gradients {lambd: {dW1: (4, 3), db1: (4, 1),
    ..., db3: (1, 1)}}, float64 arrays.
    """
    stored = read_stored_values("regularization")
    index = {float(lambd): i for i, lambd in enumerate(stored["lambdas"])}
    blocks = stored["backward_propagation_with_regularization"]
    costs = {lambd: float(stored["compute_cost_with_regularization"]["cost"][index[lambd]]) for lambd in VISIBLE_LAMBDAS}
    gradients = {lambd: {key: blocks[key][index[lambd]] for key in GRADIENT_KEYS} for lambd in VISIBLE_LAMBDAS}
    return costs, gradients


# --- contracts ------------------------------------------------------------------------------------

def cost_as_float(value, call):
    """The student's cost as a float; fail unless it is a single real number.

    A Python float or int, a NumPy scalar and an array holding one number all mean the same cost.
    """
    __tracebackhide__ = True
    array = _real_array(value)
    if array is None:
        fail(f"{call} returned {type(value).__name__}, but it must return the cost as a float.")
    if array.size != 1:
        fail(f"{call} returned an array of shape {array.shape}, but it must return the cost as a float "
             "(one number: the cross-entropy is averaged over all m examples).")
    cost = float(array.reshape(()))
    if not np.isfinite(cost):
        fail(f"{call} returned {cost}, but the cost must be a finite float.")
    return cost


def _real_array(value):
    """`value` as a NumPy array if it is a number or an array of real numbers (not booleans), else None."""
    if not isinstance(value, (np.ndarray, np.generic, float, int)) or isinstance(value, (bool, np.bool_)):
        return None
    array = np.asarray(value)
    real = np.issubdtype(array.dtype, np.floating) or np.issubdtype(array.dtype, np.integer)
    return array if real else None


def gradients_as_arrays(gradients, parameters, call):
    """{dW1: array, ..., db3: array} from the student's dict; fail unless every gradient is usable.

    Extra keys (dZ3, dA2, ...) are allowed and ignored. Each gradient must be a real array of
    exactly its parameter's shape; a gradient of a one-entry parameter (db3) may also be a scalar.
    """
    __tracebackhide__ = True
    if not isinstance(gradients, dict):
        fail(f"{call} returned {type(gradients).__name__}, but it must return a dict of gradients "
             f"with keys {', '.join(GRADIENT_KEYS)}.")
    missing = [key for key in GRADIENT_KEYS if key not in gradients]
    if missing:
        near = [str(key) for key in gradients if str(key).lower() in (k.lower() for k in missing)]
        hint = f" (keys are case-sensitive: it has {', '.join(near)})" if near else ""
        fail(f"{call} returned a dict that is missing {', '.join(missing)}{hint}; it needs "
             f"{', '.join(GRADIENT_KEYS)}.")
    arrays = {}
    for key in GRADIENT_KEYS:
        value, shape = gradients[key], parameters[key[1:]].shape
        array = _real_array(value)
        if array is None:
            fail(f"{call} returned {key} as {type(value).__name__}, but every gradient must be a NumPy array of numbers.")
        if array.shape != shape:
            if array.size == 1 and int(np.prod(shape)) == 1:
                array = array.reshape(shape)
            else:
                fail(_shape_message(call, key, array.shape, shape))
        if not np.all(np.isfinite(array)):
            fail(f"{call} returned {key} with values that are not finite (nan or inf).")
        arrays[key] = array.astype(np.float64)
    return arrays


def _shape_message(call, key, got, shape):
    name, l = key[1:], int(key[2:])
    if key[1] == "b" and got in ((), (1,), (1, 1)):
        why = (f": it looks like dZ{l} was summed over every axis; sum over the examples only, "
               f"np.sum(dZ{l}, axis=1, keepdims=True) / m")
    elif key[1] == "b" and got == (shape[0],):
        why = ": keep the second axis with keepdims=True"
    elif got == shape[::-1]:
        why = f" (it looks transposed: dW{l} = dZ{l} · A{l - 1}ᵀ / m, with A0 = X)"
    else:
        why = ""
    return f"{call} returned {key} with shape {got}, but it must have the shape of {name}, {shape}{why}."


# --- comparisons ----------------------------------------------------------------------------------

def close(got, want, floor=0.0, rtol=RTOL):
    """Whether two arrays (or numbers) agree to rtol relative to the size of `want`, or of `floor`
    when that is larger (a gradient block that nearly cancels is compared on the scale of them all)."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    return bool(np.linalg.norm(got - want) <= rtol * max(np.linalg.norm(want), floor, 1e-12))


def worst_entry(got, want):
    """'entry (i, j) is a where it should be b' for the entry that differs most."""
    index = np.unravel_index(int(np.argmax(np.abs(got - want))), got.shape)
    return f"entry {tuple(int(i) for i in index)} is {got[index]:.8g} where it should be {want[index]:.8g}"


def l2_residual_words(key, residual, weight, lambd, m):
    """How a dW differs from the right one, when the difference is a multiple of its W; else None.

    residual = student's dW - right dW. Returns a phrase such as "the L2 term (lambd / m) * W2 is
    missing", or None when the difference is not proportional to W.
    """
    norm = float(np.sum(weight * weight))
    if norm == 0 or lambd == 0:
        return None
    beta = float(np.sum(residual * weight)) / norm
    if np.linalg.norm(residual - beta * weight) > 1e-6 * max(np.linalg.norm(residual), 1e-12):
        return None
    name, ratio = key[1:], beta / (lambd / m)
    term = f"(lambd / m) * {name}"
    for value, words in ((-1.0, f"the L2 term {term} is missing"),
                         (-0.5, f"the L2 term is (lambd / (2 m)) * {name}, half of {term}"),
                         (1.0, f"the L2 term {term} is added twice"),
                         (m - 1.0, f"the L2 term is lambd * {name}, not divided by m"),
                         (-2.0, f"the L2 term is subtracted: {term} must be added")):
        if abs(ratio - value) <= 1e-6 * max(1.0, abs(value)):
            return words
    return f"the L2 term is {beta:.4g} * {name}, but it must be {term} = {lambd / m:.4g} * {name}"


def bias_residual_words(key, residual, bias, lambd, m):
    """'db2 has an L2 term ...' when a db differs from the right one by lambd / m times its b (or half,
    twice, m times that); else None."""
    norm = float(np.sum(bias * bias))
    if norm == 0 or lambd == 0 or not np.any(residual):
        return None
    beta = float(np.sum(residual * bias)) / norm
    if np.linalg.norm(residual - beta * bias) > 1e-6 * np.linalg.norm(residual):
        return None
    if not any(abs(beta / (lambd / m) - k) <= 1e-6 * k for k in (1.0, 0.5, 2.0, float(m))):
        return None
    return (f"{key} has an L2 term ({beta:.4g} * {key[1:]}), but biases are not regularized: "
            f"only the dW get (lambd / m) * W")


def known_mistake_words(key, got, right, parameters, lambd, m):
    """A phrase naming a known mistake in gradient block `key` (its L2 term, or an L2 term on a
    bias), from the student's block `got` and the right one; None when no known mistake fits."""
    residual, parameter = got - right, parameters[key[1:]]
    if key[1] == "W":
        return l2_residual_words(key, residual, parameter, lambd, m)
    return bias_residual_words(key, residual, parameter, lambd, m)


def lambd_ignored(values):
    """Whether results computed for several lambd (a list, first for lambd = 0) are all the same."""
    return all(close(value, values[0]) for value in values[1:])


def first_wrong_from_the_top(got, right):
    """The first gradient key, from layer 3 down, where got differs from right; None if none does."""
    # A block that nearly cancels (db3 = mean of dZ3 close to 0) keeps the round-off of its terms, so
    # blocks are compared on at least a hundredth of the size of the whole gradient.
    floor = 1e-2 * float(np.sqrt(sum(np.sum(np.square(right[key])) for key in GRADIENT_KEYS)))
    return next((key for key in reversed(GRADIENT_KEYS)
                 if not close(got[key], right[key], floor, rtol=GRADIENT_RTOL)), None)


def where_to_look(key):
    """Where the mistake is when `key` is the highest wrong gradient (the layers above are right)."""
    l = int(key[2:])
    if l == 3:
        return "the mistake is in layer 3 (dZ3 = A3 - Y, then dW3 and db3)"
    return (f"layer {l + 1} is right, so the mistake enters at layer {l}: check dA{l} = W{l + 1}ᵀ · dZ{l + 1}, "
            f"the ReLU derivative in dZ{l}, then dW{l} and db{l}")


# --- visible checks -------------------------------------------------------------------------------

def l2_factor_words(ratio, m):
    """What a wrong L2 term of the cost most likely is, from its ratio to the right one; None when
    the ratio is none of the usual wrong factors."""
    for value, words in ((2.0, "yours is twice as large, lambd / m instead of lambd / (2 m)"),
                         (0.5, "yours is half as large, lambd / (4 m) instead of lambd / (2 m)"),
                         (float(m), "yours is m times too large: divide by 2 m, not by 2"),
                         (-1.0, "yours has the wrong sign: the L2 term is added to the cost")):
        if abs(ratio - value) <= 1e-6 * abs(value):
            return words
    return None


def check_compute_cost_with_regularization(compute_cost_with_regularization):
    """Visible checks for compute_cost_with_regularization on a small problem."""
    __tracebackhide__ = True
    problem = deterministic_problem()
    A3, Y, parameters = problem["A3"], problem["Y"], problem["parameters"]
    m = Y.shape[1]
    right, _ = stored_answers()
    cross_entropy = right[0.0]   # with lambd = 0 the L2 term vanishes
    costs = {}
    for lambd in VISIBLE_LAMBDAS:
        call = f"compute_cost_with_regularization(A3, Y, parameters, lambd={lambd:g})"
        costs[lambd] = cost_as_float(call_student(compute_cost_with_regularization, A3, Y, parameters, lambd,
                                                  call=call), call)
    if lambd_ignored(list(costs.values())):
        fail(f"Your cost is {costs[0.0]:.6g} whatever lambd is (0, 0.7 or 2), but the L2 term grows with "
             "lambd: it is missing, or lambd is not used.")
    if not close(costs[0.0], cross_entropy):
        fail(f"With lambd = 0 your cost is {costs[0.0]:.6g}, but it must be the plain cross-entropy "
             f"{cross_entropy:.6g}: the cross-entropy part is wrong, or part of the L2 term is not multiplied by lambd.")
    for lambd in VISIBLE_LAMBDAS[1:]:
        want, got = right[lambd] - right[0.0], costs[lambd] - costs[0.0]
        if not close(got, want):
            fail(f"With lambd = {lambd:g} your L2 term (your cost minus your cost with lambd = 0) is {got:.6g}, but "
                 f"lambd / (2 m) * (||W1||^2 + ||W2||^2 + ||W3||^2) is {want:.6g} here (m = {m}): "
                 + (f"the L2 term is wrong ({words})." if (words := l2_factor_words(got / want, m))
                    else "the L2 term is wrong."))
    passed(f"cost {costs[0.0]:.6f} with lambd = 0 (the cross-entropy) and {costs[0.7]:.6f} with lambd = 0.7.")


def check_backward_propagation_with_regularization(backward_propagation_with_regularization):
    """Visible checks for backward_propagation_with_regularization on a small problem."""
    __tracebackhide__ = True
    problem = deterministic_problem()
    X, Y, cache, parameters = problem["X"], problem["Y"], problem["cache"], problem["parameters"]
    m = X.shape[1]
    got = {}
    for lambd in VISIBLE_LAMBDAS:
        call = f"backward_propagation_with_regularization(X, Y, cache, lambd={lambd:g})"
        gradients = call_student(backward_propagation_with_regularization, X, Y, cache, lambd, call=call)
        got[lambd] = gradients_as_arrays(gradients, parameters, call)
    _, right = stored_answers()
    if all(lambd_ignored([got[lambd][key] for lambd in VISIBLE_LAMBDAS]) for key in GRADIENT_KEYS):
        fail("Your gradients are the same whatever lambd is (0, 0.7 or 2), but dW1, dW2 and dW3 each gain "
             "the L2 term (lambd / m) * W[l]: it is missing, or lambd is not used.")
    key = first_wrong_from_the_top(got[0.0], right[0.0])
    if key:
        fail(f"With lambd = 0 your {key} is wrong ({worst_entry(got[0.0][key], right[0.0][key])}); without "
             f"regularization it is the ordinary gradient, and {where_to_look(key)}.")
    for lambd in VISIBLE_LAMBDAS[1:]:
        key = first_wrong_from_the_top(got[lambd], right[lambd])
        if key:
            words = known_mistake_words(key, got[lambd][key], right[lambd][key], parameters, lambd, m)
            fail(f"With lambd = {lambd:g} your {key} is wrong although it is right with lambd = 0: "
                 + (words or worst_entry(got[lambd][key], right[lambd][key])) + ".")
    passed("dW1, db1, dW2, db2, dW3, db3 have the right shapes and values with lambd = 0, 0.7 and 2.")
