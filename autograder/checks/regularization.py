"""Hidden tests of the L2 regularization assignment.

Both graded functions are deterministic, so they are compared with the reference solutions
(autograder/solutions/regularization.py) on fresh random problems of several sizes, with lambd = 0
and lambd > 0, to a tight tolerance. The backward pass is also run through the gradient-check
harness against the regularized cost computed from the logits of the provided forward pass. A wrong
answer is explained with the sentences of course.checks.regularization (KNOWN_COST_MISTAKES,
KNOWN_GRADIENT_MISTAKES and the fallbacks of explain_cost and explain_gradients), the very words the
visible checks use: the answers of each known mistake are computed here on the fresh problems
(cost_mistakes, gradient_mistakes), and on the visible checks' fixed example they are stored
(autograder/stored_values.py). The harness's own diagnosis is the last resort, when the reference
finds nothing wrong with what the gradient check rejects.
"""

import numpy as np

from autograder.checks import hidden_tests_passed
from autograder.checks.gradients import equal_up_to_float32, within_round_off
from autograder.gradcheck import gradcheck
from autograder.solutions import regularization as reference
from course.checks import call_student, fail
from course.checks.regularization import (
    GRADIENT_KEYS,
    KNOWN_COST_MISTAKES,
    KNOWN_GRADIENT_MISTAKES,
    LAYERS,
    close,
    cost_as_float,
    explain_cost,
    explain_gradients,
    first_wrong_from_the_top,
    gradients_as_arrays,
    make_problem,
)
from course.network import cross_entropy_from_logits, forward_propagation

# (n_x, n1, n2, m): the notebook's layer sizes, a single example, n_x = m (so that a mix-up of the two
# axes shows elsewhere), more examples than units, one unit in a hidden layer, and the notebook's
# own training set size (an answer must not depend on m being small).
PROBLEM_SIZES = ((2, 20, 3, 7), (5, 4, 6, 1), (3, 2, 2, 13), (4, 7, 1, 4), (6, 3, 5, 31), (2, 20, 3, 211))
LAMBDAS = (0.0, 0.7, 2.3)
# How many of the problems (the first ones) also go through the gradient check, and its lambd.
GRADCHECK_PROBLEMS = 2
GRADCHECK_LAMBD = 0.7


def random_problem(n_x, n1, n2, m, rng):
    """X: (n_x, m), Y: (1, m), parameters with He-scaled weights and nonzero biases (see make_problem).

    Y holds both classes whenever m > 1. The draw is repeated until
    - A3 stays well inside (0, 1), so a correct answer computed in float32 agrees to the tolerance;
    - every hidden layer has active and inactive entries, and (with m > 1) no unit is inactive on
      every example: a dead unit or layer has zero gradients, which would hide a missing term, and
      a layer without inactive entries would hide a wrong ReLU derivative.
    """
    sizes = (n_x, n1, n2, 1)
    while True:
        parameters = {}
        for l in LAYERS:
            parameters[f"W{l}"] = rng.standard_normal((sizes[l], sizes[l - 1])) * np.sqrt(2 / sizes[l - 1])
            parameters[f"b{l}"] = rng.standard_normal((sizes[l], 1)) * 0.3
        Y = rng.permutation(np.arange(m) % 2).reshape(1, m).astype(np.int64)
        problem = make_problem(rng.standard_normal((n_x, m)), Y, parameters)
        cache = problem["cache"]
        well_inside = np.all(np.abs(cache[8]) < 4)   # 0.018 < A3 < 0.982
        if well_inside and all(np.any(A > 0) and np.any(A == 0) and (m == 1 or np.all(np.any(A > 0, axis=1)))
                               for A in (cache[1], cache[5])):
            return problem


def _problems(rng=None):
    rng = np.random.default_rng() if rng is None else rng
    return [random_problem(*sizes, rng) for sizes in PROBLEM_SIZES]


def _where(problem, lambd):
    n_x, n1, n2, m = problem["sizes"]
    return f"n_x = {n_x}, n1 = {n1}, n2 = {n2}, m = {m}, lambd = {lambd:g}"


# --- the cost ---------------------------------------------------------------------------------------

def cost_mistakes(problem, lambd):
    """{name of KNOWN_COST_MISTAKES: the cost that mistake gives} on one problem for one lambd."""
    A3, Y, parameters = problem["A3"], problem["Y"], problem["parameters"]
    n_x, m = problem["sizes"][0], problem["sizes"][3]
    W = [parameters[f"W{l}"] for l in LAYERS]
    b = [parameters[f"b{l}"] for l in LAYERS]
    squares = [float(np.sum(w * w)) for w in W]
    norms = [float(np.linalg.norm(w)) for w in W]
    cross_entropy = float(reference.compute_cost_with_regularization(A3, Y, parameters, 0.0))
    factor = lambd / (2 * m)
    l2 = factor * sum(squares)
    values = {
        "ce_not_divided": cross_entropy * m + l2,
        "ce_sign": -cross_entropy + l2,
        "ce_divided_twice": cross_entropy / m + l2,
        "ce_log10": cross_entropy / np.log(10) + l2,
        "ce_positive_only": -float(np.sum(Y * np.log(A3))) / m + l2,
        "ce_missing": l2,
        "l2_twice": cross_entropy + 2 * l2,
        "l2_half": cross_entropy + l2 / 2,
        "l2_times_m": cross_entropy + l2 * m,
        "l2_subtracted": cross_entropy - l2,
        "l2_times_m_squared": cross_entropy + l2 * m ** 2,
        "l2_biases": cross_entropy + l2 + factor * sum(float(np.sum(v * v)) for v in b),
        "l2_norms": cross_entropy + factor * sum(norms),
        "l2_square_of_norm_sum": cross_entropy + factor * sum(norms) ** 2,
        "l2_abs": cross_entropy + factor * sum(float(np.sum(np.abs(w))) for w in W),
        "l2_sum_squared": cross_entropy + factor * sum(float(np.sum(w)) ** 2 for w in W),
        "l2_mean": cross_entropy + factor * sum(float(np.mean(w * w)) for w in W),
        "l2_w_dot_wt": cross_entropy + factor * sum(float(np.sum(w @ w.T)) for w in W),
        "l2_n_x": cross_entropy + lambd / (2 * n_x) * sum(squares),
        "l2_floor": cross_entropy + lambd // (2 * m) * sum(squares),
    }
    for l in LAYERS:
        values[f"l2_without_W{l}"] = cross_entropy + factor * sum(squares[k - 1] for k in LAYERS if k != l)
    for name, _ in KNOWN_COST_MISTAKES:
        if name.startswith("unscaled_"):
            # Known only at lambd = 0 (nan elsewhere: not compared): the parentheses can be misplaced
            # in more than one way, but with lambd = 0 every way leaves the unscaled squares.
            unscaled = [int(l) for l in name.split("_")[1:]]
            values[name] = cross_entropy + sum(squares[l - 1] for l in unscaled) if lambd == 0 else np.nan
    assert sorted(values) == sorted(name for name, _ in KNOWN_COST_MISTAKES)
    return values


def grade_compute_cost_with_regularization(compute_cost_with_regularization):
    """Hidden tests of compute_cost_with_regularization: the reference on random problems."""
    __tracebackhide__ = True
    problems = _problems()
    got, want = [], []   # per problem: {lambd: cost}
    for problem in problems:
        costs = {}
        for lambd in LAMBDAS:
            call = (f"compute_cost_with_regularization(A3, Y, parameters, lambd) with {_where(problem, lambd)}")
            args = (problem["A3"], problem["Y"], problem["parameters"], lambd)
            costs[lambd] = cost_as_float(call_student(compute_cost_with_regularization, *args, call=call), call)
        got.append(costs)
        want.append({lambd: reference.compute_cost_with_regularization(*args[:3], lambd) for lambd in LAMBDAS})
    if all(close(g[lambd], w[lambd]) for g, w in zip(got, want) for lambd in LAMBDAS):
        hidden_tests_passed()
        return
    mistakes = [_by_name([cost_mistakes(p, lambd) for lambd in LAMBDAS]) for p in problems]
    sentence, i, detail = explain_cost(got, want, mistakes)
    n_x, n1, n2, m = problems[i]["sizes"]
    fail(f"compute_cost_with_regularization is wrong: {sentence}"
         + (f" (on the problem with n_x = {n_x}, n1 = {n1}, n2 = {n2}, m = {m}, {detail})." if detail else "."))


def _by_name(per_lambd):
    """[{name: value} for each of LAMBDAS] -> {name: {lambd: value}}."""
    return {name: {lambd: values[name] for lambd, values in zip(LAMBDAS, per_lambd)} for name in per_lambd[0]}


# --- the gradients ----------------------------------------------------------------------------------

def l2_cost(parameters, lambd, m):
    """lambd / (2 m) * (||W1||_F^2 + ||W2||_F^2 + ||W3||_F^2), the L2 part of the regularized cost.

    Inputs: parameters with W1 (n1, n_x), W2 (n2, n1), W3 (1, n2); lambd >= 0; m examples.
    Returns a float. Here and not in course/: it is half of a graded answer.
    """
    return lambd / (2 * m) * sum(float(np.sum(np.square(parameters[f"W{l}"]))) for l in LAYERS)


def regularized_cost_from_logits(X, Y, lambd):
    """parameters -> the regularized cost, computed from the logits Z3 of the provided forward pass.

    From the logits, so the cost keeps its digits where the sigmoid saturates (the gradient check
    needs them; see autograder.gradcheck).
    """
    m = X.shape[1]

    def cost(parameters):
        Z3 = forward_propagation(X, parameters)[1][8]
        return cross_entropy_from_logits(Z3, Y) + l2_cost(parameters, lambd, m)
    return cost


def _call_backward(backward, problem, lambd):
    """The student's gradients for one problem, as float64 arrays of the parameters' shapes."""
    __tracebackhide__ = True
    call = f"backward_propagation_with_regularization(X, Y, cache, lambd) with {_where(problem, lambd)}"
    gradients = call_student(backward, problem["X"], problem["Y"], problem["cache"], lambd, call=call)
    return gradients_as_arrays(gradients, problem["parameters"], call)


def _gradient_variant(problem, lambd, relu_one=(), data=None, l2=None, bias=None, sign=1.0):
    """The gradients a backward pass computes with one known mistake.

    relu_one: layers whose ReLU derivative is 1 everywhere; data: {key: factor} on the data part
    (1/m) dZ · Aᵀ or (1/m) sum(dZ) of a block; l2: {layer: factor} on its L2 term (lambd / m) W;
    bias: {layer: factor} on an L2 term (lambd / m) b added to db; sign: of every data part.
    """
    X, Y, m = problem["X"], problem["Y"], problem["sizes"][3]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = problem["cache"]
    data, l2, bias = data or {}, l2 or {}, bias or {}
    masks = {1: (A1 > 0).astype(float), 2: (A2 > 0).astype(float)}
    for layer in relu_one:
        masks[layer] = np.ones_like(masks[layer])
    dZ = {3: A3 - Y}
    dZ[2] = (W3.T @ dZ[3]) * masks[2]
    dZ[1] = (W2.T @ dZ[2]) * masks[1]
    inputs, weights, biases = {1: X, 2: A1, 3: A2}, {1: W1, 2: W2, 3: W3}, {1: b1, 2: b2, 3: b3}
    gradients = {}
    for l in LAYERS:
        gradients[f"dW{l}"] = (sign * data.get(f"dW{l}", 1.0) * (dZ[l] @ inputs[l].T / m)
                               + l2.get(l, 1.0) * lambd / m * weights[l])
        gradients[f"db{l}"] = (sign * data.get(f"db{l}", 1.0) * np.sum(dZ[l], axis=1, keepdims=True) / m
                               + bias.get(l, 0.0) * lambd / m * biases[l])
    return gradients


def gradient_mistakes(problem, lambd):
    """{name of KNOWN_GRADIENT_MISTAKES: the gradients that mistake gives} on one problem for one lambd."""
    n_x, m = problem["sizes"][0], problem["sizes"][3]
    factors = {"missing": 0.0, "half": 0.5, "twice": 2.0, "not_divided": float(m), "subtracted": -1.0,
               "divided_twice": 1 / m, "n_x": m / n_x}
    layer_sets = {"all": LAYERS, "1": (1,), "2": (2,), "3": (3,)}
    how = {}
    for factor, value in factors.items():
        for tag, layers in layer_sets.items():
            how[f"l2_{factor}_{tag}"] = dict(l2=dict.fromkeys(layers, value))
    for tag, layers in layer_sets.items():
        how[f"bias_l2_{tag}"] = dict(bias=dict.fromkeys(layers, 1.0))
    for key in ("all",) + GRADIENT_KEYS:
        keys = GRADIENT_KEYS if key == "all" else (key,)
        how[f"no_1_over_m_{key}"] = dict(data={k: float(m) for k in keys})
        how[f"1_over_m_twice_{key}"] = dict(data=dict.fromkeys(keys, 1 / m))
    for layer in (1, 2):
        how[f"relu_one_{layer}"] = dict(relu_one=(layer,))
    how["sign"] = dict(sign=-1.0)
    assert sorted(how) == sorted(name for name, _ in KNOWN_GRADIENT_MISTAKES)
    return {name: _gradient_variant(problem, lambd, **how[name]) for name, _ in KNOWN_GRADIENT_MISTAKES}


def _explain_problem(backward, problem):
    """(sentence, detail) for the student's gradients on one problem, from every lambd of LAMBDAS;
    None when they are right for every lambd."""
    __tracebackhide__ = True
    X, Y, cache = problem["X"], problem["Y"], problem["cache"]
    got = {lambd: _call_backward(backward, problem, lambd) for lambd in LAMBDAS}
    right = {lambd: reference.backward_propagation_with_regularization(X, Y, cache, lambd) for lambd in LAMBDAS}
    if all(first_wrong_from_the_top(got[lambd], right[lambd]) is None for lambd in LAMBDAS):
        return None
    mistakes = {name: dict.fromkeys(LAMBDAS) for name, _ in KNOWN_GRADIENT_MISTAKES}
    for lambd in LAMBDAS:
        for name, gradients in gradient_mistakes(problem, lambd).items():
            mistakes[name][lambd] = gradients
    return explain_gradients(got, right, mistakes)


def _fail_with(problem, explained):
    __tracebackhide__ = True
    sentence, detail = explained
    n_x, n1, n2, m = problem["sizes"]
    fail(f"With n_x = {n_x}, n1 = {n1}, n2 = {n2}, m = {m}, backward_propagation_with_regularization is wrong: "
         f"{sentence}" + (f" ({detail})." if detail else "."))


def _gradient_check(backward, problem, lambd):
    """Run the harness on the student's gradients; fail with one sentence if any block is wrong.

    The sentence is the one the visible check gives (explain_gradients, from the student's gradients
    for every lambd on this problem); the harness's diagnosis only when the reference finds nothing wrong.
    """
    __tracebackhide__ = True
    gradients = _call_backward(backward, problem, lambd)
    X, Y = problem["X"], problem["Y"]
    report = gradcheck(regularized_cost_from_logits(X, Y, lambd), problem["parameters"], gradients,
                       lambd=lambd, m=X.shape[1], keep_prob=1)
    if report.ok or within_round_off(report):
        return
    right = reference.backward_propagation_with_regularization(X, Y, problem["cache"], lambd)
    if equal_up_to_float32(gradients, right):
        return
    explained = _explain_problem(backward, problem)
    if explained:
        _fail_with(problem, explained)
    fail(f"The gradient check fails with {_where(problem, lambd)}: {report.one_sentence()}")


def grade_backward_propagation_with_regularization(backward_propagation_with_regularization):
    """Hidden tests of backward_propagation_with_regularization: the gradient check, then the reference."""
    __tracebackhide__ = True
    backward = backward_propagation_with_regularization
    problems = _problems()
    for problem in problems[:GRADCHECK_PROBLEMS]:
        _gradient_check(backward, problem, GRADCHECK_LAMBD)
    for problem in problems:
        explained = _explain_problem(backward, problem)
        if explained:
            _fail_with(problem, explained)
    hidden_tests_passed()
