"""Hidden tests of the L2 regularization assignment.

Both graded functions are deterministic, so they are compared with the reference solutions
(autograder/solutions/regularization.py) on fresh random problems of several sizes, with lambd = 0
and lambd > 0, to a tight tolerance. The backward pass is also run through the gradient-check
harness against the regularized cost computed from the logits of the provided forward pass, so a
wrong gradient is explained by the harness's diagnosis ("dW1 differs from the numerical gradient by
-0.1·W1: the L2 term (λ/m)·W1 is missing"). Where a mistake is a known one, the sentence names it:
- cost: lambd / m instead of lambd / (2 m), biases included, norms not squared, L1, a layer left
  out, lambd ignored, m taken from the wrong axis, a wrong cross-entropy, ...
- gradients: the L2 term missing, halved, doubled or not divided by m, biases regularized, the
  ReLU derivative taken where it is not, db summed over every axis, lambd ignored.
"""

import numpy as np

from autograder.gradcheck import gradcheck
from autograder.solutions import regularization as reference
from course.checks import call_student, fail
from course.checks.regularization import (GRADIENT_KEYS, LAYERS, close, cost_as_float, first_wrong_from_the_top,
                                          gradients_as_arrays, known_mistake_words, l2_factor_words,
                                          lambd_ignored, make_problem, worst_entry)
from course.network import cross_entropy_from_logits, forward_propagation

# (n_x, n1, n2, m): the notebook's shape, a single example, n_x = m (so that a mix-up of the two
# axes shows elsewhere), more examples than units, one unit in a hidden layer.
PROBLEM_SIZES = ((2, 20, 3, 7), (5, 4, 6, 1), (3, 2, 2, 13), (4, 7, 1, 4), (6, 3, 5, 31))
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

def _cost_features(problem):
    """Quantities the usual wrong L2 terms are made of, for one problem."""
    W = [problem["parameters"][f"W{l}"] for l in LAYERS]
    b = [problem["parameters"][f"b{l}"] for l in LAYERS]
    return {
        "squares": [float(np.sum(w * w)) for w in W],
        "bias_squares": sum(float(np.sum(v * v)) for v in b),
        "norms": [float(np.linalg.norm(w)) for w in W],
        "abs": sum(float(np.sum(np.abs(w))) for w in W),
        "sums_squared": sum(float(np.sum(w)) ** 2 for w in W),
        "means": sum(float(np.mean(w * w)) for w in W),
        "m": problem["sizes"][3], "n_x": problem["sizes"][0],
    }


def _wrong_l2_terms():
    """(phrase, f(features, lambd) -> L2 term) for the usual mistakes in what the L2 part of the cost
    adds up (a wrong constant factor is named by l2_factor_words)."""
    def right(f, lambd):
        return lambd / (2 * f["m"]) * sum(f["squares"])

    terms = [
        ("the L2 term is multiplied by m instead of divided by it", lambda f, lambd: right(f, lambd) * f["m"] ** 2),
        ("the L2 term also sums the squared biases, which are not regularized",
         lambda f, lambd: lambd / (2 * f["m"]) * (sum(f["squares"]) + f["bias_squares"])),
        ("the L2 term adds the norms ||W[l]|| instead of their squares ||W[l]||^2 (the Frobenius norm must be squared)",
         lambda f, lambd: lambd / (2 * f["m"]) * sum(f["norms"])),
        ("the L2 term squares the sum of the three norms instead of adding the three squared norms",
         lambda f, lambd: lambd / (2 * f["m"]) * sum(f["norms"]) ** 2),
        ("the L2 term adds the absolute values |W| (that is L1) instead of the squares W^2",
         lambda f, lambd: lambd / (2 * f["m"]) * f["abs"]),
        ("the L2 term squares the sum of the entries of each W instead of adding the squared entries",
         lambda f, lambd: lambd / (2 * f["m"]) * f["sums_squared"]),
        ("the L2 term averages the squared entries of each W (np.mean) instead of adding them (np.sum)",
         lambda f, lambd: lambd / (2 * f["m"]) * f["means"]),
        ("the L2 term divides by the number of input features n_x = W1.shape[1] instead of the number "
         "of examples m = Y.shape[1]", lambda f, lambd: lambd / (2 * f["n_x"]) * sum(f["squares"])),
    ]
    for l in LAYERS:
        others = [k for k in LAYERS if k != l]
        terms.append((f"the L2 term leaves out W{l}: it must add ||W1||^2, ||W2||^2 and ||W3||^2",
                      lambda f, lambd, others=others: lambd / (2 * f["m"]) * sum(f["squares"][k - 1] for k in others)))
    return terms


def _wrong_cross_entropies():
    """(phrase, f(cross-entropy, m) -> wrong value) for the usual mistakes in the cross-entropy."""
    return [
        ("the cross-entropy is summed over the examples but not divided by m", lambda ce, m: ce * m),
        ("the cross-entropy has the wrong sign: it is -(1/m) sum(y log(a) + (1 - y) log(1 - a))", lambda ce, m: -ce),
        ("the cross-entropy is divided by m twice", lambda ce, m: ce / m),
    ]


def _nonempty_subsets(items):
    return [tuple(item for bit, item in enumerate(items) if mask >> bit & 1) for mask in range(1, 2 ** len(items))]


def _matches(values, expected):
    return all(close(v, e) for v, e in zip(values, expected))


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
    if all(_matches([g[l] for l in LAMBDAS], [w[l] for l in LAMBDAS]) for g, w in zip(got, want)):
        print("\u2714 hidden tests passed")
        return
    fail(_explain_cost(problems, got, want))


def _explain_cost(problems, got, want):
    """One sentence: what is wrong with the student's costs (got) compared with the right ones (want)."""
    positive = [lambd for lambd in LAMBDAS if lambd > 0]
    features = [_cost_features(p) for p in problems]
    if all(lambd_ignored([g[lambd] for lambd in LAMBDAS]) for g in got):
        return ("compute_cost_with_regularization returns the same cost whatever lambd is, but the L2 term "
                "lambd / (2 m) * (||W1||^2 + ||W2||^2 + ||W3||^2) grows with lambd: it is missing, or lambd is not used.")
    cross_entropy = [w[0.0] for w in want]
    if not _matches([g[0.0] for g in got], cross_entropy):
        m = [p["sizes"][3] for p in problems]
        for phrase, wrong in _wrong_cross_entropies():
            if _matches([g[0.0] for g in got], [wrong(ce, k) for ce, k in zip(cross_entropy, m)]):
                return f"With lambd = 0 compute_cost_with_regularization returns a wrong cost: {phrase}."
        offsets = [g[0.0] - ce for g, ce in zip(got, cross_entropy)]
        for layers in _nonempty_subsets(LAYERS):
            if _matches(offsets, [sum(f["squares"][l - 1] for l in layers) for f in features]):
                names = " + ".join(f"||W{l}||^2" for l in layers)
                return (f"With lambd = 0 compute_cost_with_regularization still adds {names}: that part of the "
                        "L2 term is not multiplied by lambd / (2 m) (missing parentheses?).")
        g, w, p = next((g, w, p) for g, w, p in zip(got, want, problems) if not close(g[0.0], w[0.0]))
        return (f"With {_where(p, 0.0)}, compute_cost_with_regularization returned {g[0.0]:.6g}, but the cost is then "
                f"the plain cross-entropy, {w[0.0]:.6g}: the cross-entropy part is wrong.")
    l2_got = [g[lambd] - g[0.0] for g in got for lambd in positive]
    l2_want = [w[lambd] - w[0.0] for w in want for lambd in positive]
    m = [p["sizes"][3] for p in problems for _ in positive]
    factors = {l2_factor_words(g / w, k) for g, w, k in zip(l2_got, l2_want, m)}
    if len(factors) == 1 and None not in factors:
        return f"The cross-entropy part of compute_cost_with_regularization is right, but the L2 term is wrong ({factors.pop()})."
    for phrase, wrong in _wrong_l2_terms():
        if _matches(l2_got, [wrong(f, lambd) for f in features for lambd in positive]):
            return f"The cross-entropy part of compute_cost_with_regularization is right, but {phrase}."
    g, w, p, lambd = next((g, w, p, lambd) for g, w, p in zip(got, want, problems) for lambd in positive
                          if not close(g[lambd], w[lambd]))
    return (f"With {_where(p, lambd)}, compute_cost_with_regularization adds an L2 term of {g[lambd] - g[0.0]:.6g} "
            f"to the cross-entropy, but lambd / (2 m) * (||W1||^2 + ||W2||^2 + ||W3||^2) is {w[lambd] - w[0.0]:.6g}.")


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


def _relu_derivative_of_one(problem, lambd, layer):
    """The gradients a backward pass computes with the bug dZ[layer] = dA[layer] * (A[layer] >= 0):
    A = relu(Z) is never negative, so that ReLU derivative is 1 everywhere."""
    X, Y, m = problem["X"], problem["Y"], problem["sizes"][3]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = problem["cache"]
    masks = {1: (A1 > 0).astype(float), 2: (A2 > 0).astype(float)}
    masks[layer] = np.ones_like(masks[layer])
    dZ = {3: A3 - Y}
    dZ[2] = (W3.T @ dZ[3]) * masks[2]
    dZ[1] = (W2.T @ dZ[2]) * masks[1]
    inputs, weights = {1: X, 2: A1, 3: A2}, {1: W1, 2: W2, 3: W3}
    gradients = {}
    for l in LAYERS:
        gradients[f"dW{l}"] = dZ[l] @ inputs[l].T / m + lambd / m * weights[l]
        gradients[f"db{l}"] = np.sum(dZ[l], axis=1, keepdims=True) / m
    return gradients


def _gradient_check(backward, problem, lambd):
    """Run the harness on the student's gradients; fail with its diagnosis if any block is wrong.

    Two mistakes the harness can only describe loosely are named exactly: a db with an L2 term
    (biases are not regularized) and a ReLU derivative that is 1 everywhere.
    """
    __tracebackhide__ = True
    gradients = _call_backward(backward, problem, lambd)
    X, Y = problem["X"], problem["Y"]
    report = gradcheck(regularized_cost_from_logits(X, Y, lambd), problem["parameters"], gradients,
                       lambd=lambd, m=X.shape[1], keep_prob=1)
    if report.ok or _within_round_off(report):
        return
    right = reference.backward_propagation_with_regularization(X, Y, problem["cache"], lambd)
    if _equal_up_to_float32(gradients, right):
        return
    where = f"The gradient check fails with {_where(problem, lambd)}"
    for key in reversed(GRADIENT_KEYS):
        if key[1] == "b" and report.blocks[key[1:]].ok is False:
            words = known_mistake_words(key, gradients[key], right[key], problem["parameters"], lambd, X.shape[1])
            if words:
                fail(f"{where}: {words}.")
    for layer in (2, 1):
        variant = _relu_derivative_of_one(problem, lambd, layer)
        if first_wrong_from_the_top(gradients, variant) is None:
            fail(f"{where}: the error enters the backward pass at layer {layer}, where the ReLU derivative is 1 "
                 f"everywhere (A{layer} >= 0 holds for every entry, since A{layer} = relu(Z{layer}) is never "
                 f"negative): use dZ{layer} = dA{layer} * (A{layer} > 0).")
    fail(f"{where}: {_one_sentence(report)}")


# A block whose relative difference (the course's formula) is below this passes the gradient
# check even if some entries do not: correct gradients computed with float32 somewhere in the
# pipeline land between 1e-8 and 1e-6, every bug in the catalogue above 1e-3.
ROUND_OFF_DIFFERENCE = 1e-5
# float32 keeps about 7 digits: an entry's absolute round-off is below 1e-6 of the gradients' size.
FLOAT32_FLOOR = 1e-6


def _within_round_off(report):
    """Whether every block agrees with the numerical gradient up to round-off.

    The harness judges entry by entry at a relative tolerance of 1e-7, which suits float64. A
    correct answer computed with float32 rounding (inputs cast to float32, say) can miss it on an
    entry whose sum cancels, while the block as a whole agrees to 1e-7; such answers are judged by
    each block's relative difference.
    """
    return all(block.verdict in ("ok", "inconclusive", "WRONG") and block.difference <= ROUND_OFF_DIFFERENCE
               for block in report.blocks.values())


def _equal_up_to_float32(gradients, right):
    """Whether every graded block equals the reference up to float32 round-off.

    A block that nearly cancels (db3, the mean of dZ3, close to 0) keeps the absolute round-off of
    its terms, so its relative difference can exceed ROUND_OFF_DIFFERENCE for a correct float32
    answer (about one draw in 2000). Each block is therefore also allowed an absolute error of
    FLOAT32_FLOOR times the typical size of the gradients' entries; a bug that stays below that on
    one problem is caught by the reference comparison on the other problems.
    """
    typical = np.sqrt(np.mean(np.concatenate([np.ravel(right[key]) ** 2 for key in GRADIENT_KEYS])))
    for key in GRADIENT_KEYS:
        got, want = np.asarray(gradients[key], dtype=np.float64), right[key]
        error = np.linalg.norm(got - want)
        if error > ROUND_OFF_DIFFERENCE * (np.linalg.norm(got) + np.linalg.norm(want)) \
                + FLOAT32_FLOOR * typical * np.sqrt(want.size):
            return False
    return True


def _one_sentence(report):
    """The harness's diagnosis as one sentence: all of it when it has one finding (one cause, or the
    layer where the error enters), else the cause found in the highest wrong block."""
    if len(report.findings) == 1:
        sentence = report.findings[0]
    else:
        wrong = [key for key in reversed(GRADIENT_KEYS) if report.blocks[key[1:]].ok is False]
        others = " and ".join(wrong[1:])
        sentence = report.blocks[wrong[0][1:]].cause.rstrip(".") + f" ({others} {'is' if len(wrong) == 2 else 'are'} wrong too)."
    return sentence[0].lower() + sentence[1:] if sentence.startswith("The ") else sentence


def _explain_gradients(problem, lambd, got, right):
    """One sentence for the first block (top layer first) that differs from the reference."""
    key = first_wrong_from_the_top(got, right)
    words = known_mistake_words(key, got[key], right[key], problem["parameters"], lambd, problem["sizes"][3])
    return (f"With {_where(problem, lambd)}, {key} is wrong: "
            + (words if words else worst_entry(got[key], right[key])) + ".")


def grade_backward_propagation_with_regularization(backward_propagation_with_regularization):
    """Hidden tests of backward_propagation_with_regularization: the gradient check, then the reference."""
    __tracebackhide__ = True
    backward = backward_propagation_with_regularization
    problems = _problems()
    for problem in problems[:GRADCHECK_PROBLEMS]:
        _gradient_check(backward, problem, GRADCHECK_LAMBD)
    mismatches = {}   # lambd -> (problem, got, right) of the first problem where a block differs
    for problem in problems:
        X, Y, cache = problem["X"], problem["Y"], problem["cache"]
        for lambd in LAMBDAS:
            got = _call_backward(backward, problem, lambd)
            right = reference.backward_propagation_with_regularization(X, Y, cache, lambd)
            if lambd not in mismatches and first_wrong_from_the_top(got, right) is not None:
                mismatches[lambd] = (problem, got, right)
    if not mismatches:
        print("\u2714 hidden tests passed")
        return
    right_for = [lambd for lambd in LAMBDAS if lambd not in mismatches]
    if right_for and len(mismatches) < len(LAMBDAS) and 0.0 not in right_for:
        fail(f"backward_propagation_with_regularization gives the right gradients only for lambd = "
             f"{', '.join(f'{l:g}' for l in right_for)}, so it does not use the argument lambd as it should "
             "(every dW[l] gets (lambd / m) * W[l]).")
    lambd = min(mismatches)
    fail(_explain_gradients(mismatches[lambd][0], lambd, *mismatches[lambd][1:]))

