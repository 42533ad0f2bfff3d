"""Visible checks of the L2 regularization notebook, and the contracts the hidden tests share.

The checks run the student's functions on one fixed example and compare the results with the right
answers stored in course/data/stored_values.h5 (computed by the reference solutions, which never
ship: autograder/stored_values.py writes the file). Nothing here computes a graded answer, so nothing
a student imports can be submitted in place of one.

A wrong answer is named with the sentences of KNOWN_COST_MISTAKES and KNOWN_GRADIENT_MISTAKES (and the
fallbacks of explain_cost and explain_gradients), which the hidden tests use too: the file also
stores what each known mistake gives on the fixed example, and the hidden tests compute it on fresh
problems, so a student reads in the notebook the sentence the grader would give. When no known
mistake fits, comparing lambd = 0 (the plain cross-entropy, the gradients of the provided
backward_propagation) with lambd > 0 tells which half of a function is wrong.
"""

import numpy as np

from course.datasets import read_stored_values
from course.network import forward_propagation

from .core import call_student, fail, passed
from .gradients import (
    GRADIENT_KEYS,
    LAYERS,
    close,
    first_wrong_from_the_top,
    gradients_as_arrays,
    real_array,
    where_to_look,
    worst_entry,
)

# lambd = 0 gives the unregularized answer, 0.7 the notebook's setting, a third value shows whether
# the function uses its argument at all, and 12 > 2 m (m = 5) tells a floor division lambd // (2 m),
# 0 for every smaller lambd, from an L2 term that is missing. The stored answers are for these values.
VISIBLE_LAMBDAS = (0.0, 0.7, 2.0, 12.0)
# The gradients are checked with the first three: no known mistake of theirs needs lambd > 2 m.
BACKWARD_LAMBDAS = VISIBLE_LAMBDAS[:3]


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
    array = real_array(value)
    if array is None:
        fail(f"{call} returned {type(value).__name__}, but it must return the cost as a float.")
    if array.size != 1:
        fail(f"{call} returned an array of shape {array.shape}, but it must return the cost as a float "
             "(one number: the cross-entropy is averaged over all m examples).")
    cost = float(array.reshape(()))
    if not np.isfinite(cost):
        fail(f"{call} returned {cost}, but the cost must be a finite float.")
    return cost


# --- comparisons ----------------------------------------------------------------------------------

def lambd_ignored(values):
    """Whether results computed for several lambd (a list, first for lambd = 0) are all the same."""
    return all(close(value, values[0]) for value in values[1:])


# --- known mistakes: one table of sentences for the visible checks and the hidden tests ------------
#
# Each entry is (name, sentence). How a mistake computes its answer is in
# autograder/checks/regularization.py (cost_mistakes, gradient_mistakes): the hidden tests compute it on
# fresh problems, and its answers on the fixed example are stored (autograder/stored_values.py), so
# that the visible check names a mistake with the very sentence the grader gives. The order is the
# order in which they are tried.

def _l2_subsets():
    subsets = [(1,), (2,), (3,), (1, 2), (1, 3), (2, 3)]   # all three unscaled: the cost ignores lambd
    return [(f"unscaled_{'_'.join(map(str, layers))}",
             f"with lambd = 0 the cost still adds {' + '.join(f'||W{l}||^2' for l in layers)}: that part of the "
             "L2 term is not multiplied by lambd / (2 m) (missing parentheses?)") for layers in subsets]


KNOWN_COST_MISTAKES = (
    ("ce_not_divided", "the cross-entropy is summed over the examples but not divided by m"),
    ("ce_sign", "the cross-entropy has the wrong sign: it is -(1/m) sum(y log(a) + (1 - y) log(1 - a))"),
    ("ce_divided_twice", "the cross-entropy is divided by m twice"),
    ("ce_log10", "the cross-entropy uses np.log10, but it needs the natural logarithm np.log"),
    ("ce_positive_only", "the cross-entropy keeps only the y log(a) part and drops (1 - y) log(1 - a), the part "
                         "of the examples with y = 0"),
    ("ce_missing", "the cross-entropy is missing: the cost is the cross-entropy plus the L2 term, not the L2 "
                   "term alone"),
    *_l2_subsets(),
    ("l2_twice", "the L2 term is twice as large as it should be: lambd / m instead of lambd / (2 m)"),
    ("l2_half", "the L2 term is half as large as it should be: lambd / (4 m) instead of lambd / (2 m)"),
    ("l2_times_m", "the L2 term is m times too large: divide by 2 m, not by 2"),
    ("l2_subtracted", "the L2 term has the wrong sign: it is added to the cost, not subtracted"),
    ("l2_times_m_squared", "the L2 term is multiplied by m instead of divided by it (lambd / 2 * m needs parentheses "
                           "around 2 * m)"),
    ("l2_biases", "the L2 term also sums the squared biases, which are not regularized"),
    ("l2_norms", "the L2 term adds the norms ||W[l]|| instead of their squares ||W[l]||^2 (the Frobenius norm must "
                 "be squared)"),
    ("l2_square_of_norm_sum", "the L2 term squares the sum of the three norms instead of adding the three "
                              "squared norms"),
    ("l2_abs", "the L2 term adds the absolute values |W| (that is L1) instead of the squares W^2"),
    ("l2_sum_squared", "the L2 term squares the sum of the entries of each W instead of adding the squared entries"),
    ("l2_mean", "the L2 term averages the squared entries of each W (np.mean) instead of adding them (np.sum)"),
    ("l2_w_dot_wt", "the L2 term adds every entry of W · Wᵀ, cross terms included, instead of the squared entries "
                    "of W (np.sum(np.square(W)))"),
    ("l2_n_x", "the L2 term divides by the number of input features n_x = W1.shape[1] instead of the number of "
               "examples m = Y.shape[1]"),
    ("l2_floor", "the L2 term uses the floor division lambd // (2 * m), which rounds the factor down (to 0 when "
                 "lambd < 2 m): divide with /"),
    *[(f"l2_without_W{l}", f"the L2 term leaves out W{l}: it must add ||W1||^2, ||W2||^2 and ||W3||^2")
      for l in LAYERS],
)
# Tried before the table: a cost that does not change with lambd.
COST_LAMBD_IGNORED = ("the cost is the same whatever lambd is, but the L2 term lambd / (2 m) * (||W1||^2 + ||W2||^2 + "
                      "||W3||^2) grows with lambd: it is missing, or lambd is not used")
# When no known mistake fits: the cost is wrong with lambd = 0, or only with lambd > 0.
COST_CROSS_ENTROPY_WRONG = "the cross-entropy part is wrong: with lambd = 0 the cost must be the plain cross-entropy"
COST_L2_WRONG = ("the cross-entropy part is right, but the L2 term is not "
                 "lambd / (2 m) * (||W1||^2 + ||W2||^2 + ||W3||^2)")

# (layers, tag of the mistake's name): a mistake in every layer, or in one.
_LAYER_SETS = (((1, 2, 3), "all"), ((3,), "3"), ((2,), "2"), ((1,), "1"))
# (name, sentence with {dW}, {W} and {s}, "s" for one key) of a wrong L2 term in dW; the factor each
# puts in place of lambd / m is in autograder.checks.regularization.gradient_mistakes.
_L2_GRADIENT_FACTORS = (
    ("missing", "the L2 term (lambd / m) * {W} is missing from {dW}"),
    ("half", "{dW} get{s} (lambd / (2 m)) * {W}, half of the L2 term (lambd / m) * {W}"),
    ("twice", "{dW} get{s} the L2 term (lambd / m) * {W} twice"),
    ("not_divided", "{dW} get{s} lambd * {W}: the L2 term (lambd / m) * {W} is not divided by m"),
    ("subtracted", "{dW} subtract{s} the L2 term (lambd / m) * {W}, which must be added"),
    ("divided_twice", "{dW} get{s} (lambd / m^2) * {W}: the L2 term (lambd / m) * {W} is divided by m twice"),
    ("n_x", "{dW} get{s} (lambd / n_x) * {W}: the L2 term must be divided by the number of examples m = X.shape[1], "
            "not by the number of features n_x = X.shape[0]"),
)


def _names(kind, layers):
    """'dW3' or 'dW1, dW2 and dW3' (kind 'dW'); 'W3' or 'W[l]' (kind 'W'), 'b3' or 'b[l]' (kind 'b')."""
    if kind in ("W", "b"):
        return f"{kind}{layers[0]}" if len(layers) == 1 else f"{kind}[l]"
    keys = [f"{kind}{l}" for l in layers]
    return keys[0] if len(keys) == 1 else ", ".join(keys[:-1]) + " and " + keys[-1]


def _known_gradient_mistakes():
    table = []
    for factor, template in _L2_GRADIENT_FACTORS:
        for layers, tag in _LAYER_SETS:
            table.append((f"l2_{factor}_{tag}", template.format(dW=_names("dW", layers), W=_names("W", layers),
                                                                  s="s" if len(layers) == 1 else "")))
    for layers, tag in _LAYER_SETS:
        db, b, one = _names("db", layers), _names("b", layers), len(layers) == 1
        table.append((f"bias_l2_{tag}", f"{db} {'has' if one else 'have'} an L2 term (lambd / m) * {b}, but biases "
                                        "are not regularized: only the dW get (lambd / m) * W"))
    every = ", ".join(GRADIENT_KEYS[:-1]) + " and " + GRADIENT_KEYS[-1]
    for key in ("all",) + GRADIENT_KEYS[::-1]:
        keys, one = (every, False) if key == "all" else (key, True)
        table.append((f"no_1_over_m_{key}", f"the 1/m of the average over the examples is missing from {keys}: apart "
                                            f"from the L2 term {'it is' if one else 'they are'} m times too large"))
        table.append((f"1_over_m_twice_{key}", f"{keys} {'is' if one else 'are'} divided by m twice: apart from the "
                                               f"L2 term {'it is' if one else 'they are'} m times too small"))
    for layer in (2, 1):
        table.append((f"relu_one_{layer}", f"the error enters the backward pass at layer {layer}, where the ReLU "
                                           f"derivative is 1 everywhere (A{layer} >= 0 holds for every entry, since "
                                           f"A{layer} = relu(Z{layer}) is never negative): use dZ{layer} = dA{layer} * "
                                           f"(A{layer} > 0)"))
    table.append(("sign", f"{every} have the wrong sign apart from the L2 term: a sign is flipped (dZ3 = Y - A3 "
                          "instead of A3 - Y, say)"))
    return tuple(table)


KNOWN_GRADIENT_MISTAKES = _known_gradient_mistakes()
GRADIENTS_LAMBD_IGNORED = ("the gradients are the same whatever lambd is, but dW1, dW2 and dW3 each gain the L2 term "
                           "(lambd / m) * W[l]: lambd is not used")


def _gradients_right_only_for(lambdas):
    return (f"the gradients are right only for lambd = {', '.join(f'{l:g}' for l in lambdas)}, so the argument lambd "
            "is not used as it should be (every dW[l] gets (lambd / m) * W[l])")


def _gradient_wrong_without_l2(key):
    return f"{key} is wrong even with lambd = 0, where it is the ordinary gradient: {where_to_look(key)}"


def _gradient_wrong_l2(key):
    if key[1] == "b":
        return f"{key} changes with lambd, but biases are not regularized: only the dW get (lambd / m) * W"
    return f"{key} is wrong only when lambd > 0: its L2 term must be (lambd / m) * {key[1:]}"


def known_sentences():
    """Every sentence the checks of both functions may name a wrong value with (for the tests)."""
    fixed = [sentence for _, sentence in KNOWN_COST_MISTAKES + KNOWN_GRADIENT_MISTAKES]
    fixed += [COST_LAMBD_IGNORED, COST_CROSS_ENTROPY_WRONG, COST_L2_WRONG, GRADIENTS_LAMBD_IGNORED]
    fixed += [f(key) for key in GRADIENT_KEYS for f in (_gradient_wrong_without_l2, _gradient_wrong_l2)]
    # The lambd both checks try besides 0 (the hidden tests' others differ): a hard-coded lambd = 0.7.
    return fixed + [_gradients_right_only_for((0.7,))]


def explain_cost(got, right, mistakes):
    """Why the student's costs are wrong, in the words both checks use.

    got, right: one dict {lambd: cost} per problem (the student's and the right ones); mistakes: one
    dict {name of KNOWN_COST_MISTAKES: {lambd: cost}} per problem, nan where a mistake is not known
    (the missing parentheses, known only with lambd = 0). A known mistake is named when it gives the
    student's cost on every problem and every lambd where it is known. Returns (sentence, i, detail):
    i the first problem where the cost is wrong, detail the numbers there (None when a known mistake
    is named).
    """
    if all(lambd_ignored([g[lambd] for lambd in sorted(g)]) for g in got):
        return COST_LAMBD_IGNORED, 0, None
    for name, sentence in KNOWN_COST_MISTAKES:
        if all(name in mk and all(close(g[lambd], mk[name][lambd]) for lambd in g if np.isfinite(mk[name][lambd]))
               for g, mk in zip(got, mistakes)):
            return sentence, 0, None
    for i, (g, r) in enumerate(zip(got, right)):
        if not close(g[0.0], r[0.0]):
            return (COST_CROSS_ENTROPY_WRONG, i,
                    f"with lambd = 0 the cost is {g[0.0]:.6g}, where the cross-entropy is {r[0.0]:.6g}")
    i, lambd = next((i, lambd) for i, (g, r) in enumerate(zip(got, right)) for lambd in sorted(g)
                    if not close(g[lambd], r[lambd]))
    return COST_L2_WRONG, i, (f"with lambd = {lambd:g} the cost adds {got[i][lambd] - got[i][0.0]:.6g} to the "
                              f"cross-entropy, where the L2 term is {right[i][lambd] - right[i][0.0]:.6g}")


def explain_gradients(got, right, mistakes):
    """Why the student's gradients on one problem are wrong, in the words both checks use.

    got, right: {lambd: {dW1: ..., db3: ...}} (the student's and the right ones, lambd = 0 among
    them); mistakes: {name of KNOWN_GRADIENT_MISTAKES: {lambd: gradients}}. A known mistake is named
    when it gives the student's gradients for every lambd. Returns (sentence, detail), detail the
    worst entry of the first wrong block (None when a known mistake is named).
    """
    lambdas = sorted(got)
    for name, sentence in KNOWN_GRADIENT_MISTAKES:
        if name in mistakes and all(first_wrong_from_the_top(got[l], mistakes[name][l]) is None for l in lambdas):
            return sentence, None
    wrong = {l: key for l in lambdas if (key := first_wrong_from_the_top(got[l], right[l])) is not None}
    right_for = [l for l in lambdas if l not in wrong]
    if right_for and 0.0 not in right_for:
        return _gradients_right_only_for(right_for), None
    if all(lambd_ignored([got[l][key] for l in lambdas]) for key in GRADIENT_KEYS):
        return GRADIENTS_LAMBD_IGNORED, None
    lambd = min(wrong)
    key = wrong[lambd]
    sentence = _gradient_wrong_without_l2(key) if lambd == 0 else _gradient_wrong_l2(key)
    return sentence, f"with lambd = {lambd:g}, {key} {worst_entry(got[lambd][key], right[lambd][key])}"


def stored_mistakes():
    """What each known mistake gives on the fixed example, for each lambd of VISIBLE_LAMBDAS.

    Returns (costs, gradients): costs {name of KNOWN_COST_MISTAKES: {lambd: float}}, gradients
    {name of KNOWN_GRADIENT_MISTAKES: {lambd: {dW1: (4, 3), ..., db3: (1, 1)}}}.
    """
    stored = read_stored_values("regularization")
    index = {float(lambd): i for i, lambd in enumerate(stored["lambdas"])}
    costs = {name: {lambd: float(values[index[lambd]]) for lambd in VISIBLE_LAMBDAS}
             for name, values in stored["compute_cost_with_regularization"]["mistakes"].items()}
    gradients = {name: {lambd: {key: blocks[key][index[lambd]] for key in GRADIENT_KEYS} for lambd in VISIBLE_LAMBDAS}
                 for name, blocks in stored["backward_propagation_with_regularization"]["mistakes"].items()}
    return costs, gradients


# --- visible checks -------------------------------------------------------------------------------

def _lambdas_words(lambdas):
    words = [f"{lambd:g}" for lambd in lambdas]
    return ", ".join(words[:-1]) + " or " + words[-1]


def check_compute_cost_with_regularization(compute_cost_with_regularization):
    """Visible checks for compute_cost_with_regularization on a small problem."""
    __tracebackhide__ = True
    problem = deterministic_problem()
    A3, Y, parameters = problem["A3"], problem["Y"], problem["parameters"]
    right, _ = stored_answers()
    mistakes, _ = stored_mistakes()
    costs = {}
    for lambd in VISIBLE_LAMBDAS:
        call = f"compute_cost_with_regularization(A3, Y, parameters, lambd={lambd:g})"
        costs[lambd] = cost_as_float(call_student(compute_cost_with_regularization, A3, Y, parameters, lambd,
                                                  call=call), call)
    if not all(close(costs[lambd], right[lambd]) for lambd in VISIBLE_LAMBDAS):
        sentence, _, detail = explain_cost([costs], [right], [mistakes])
        fail(f"Your cost is wrong on the example of this check (lambd = {_lambdas_words(VISIBLE_LAMBDAS)}): {sentence}"
             + (f" ({detail})." if detail else "."))
    passed(f"cost {costs[0.0]:.6f} with lambd = 0 (the cross-entropy) and {costs[0.7]:.6f} with lambd = 0.7.")


def check_backward_propagation_with_regularization(backward_propagation_with_regularization):
    """Visible checks for backward_propagation_with_regularization on a small problem."""
    __tracebackhide__ = True
    problem = deterministic_problem()
    X, Y, cache, parameters = problem["X"], problem["Y"], problem["cache"], problem["parameters"]
    got = {}
    for lambd in BACKWARD_LAMBDAS:
        call = f"backward_propagation_with_regularization(X, Y, cache, lambd={lambd:g})"
        gradients = call_student(backward_propagation_with_regularization, X, Y, cache, lambd, call=call)
        got[lambd] = gradients_as_arrays(gradients, parameters, call)
    _, right = stored_answers()
    _, mistakes = stored_mistakes()
    if any(first_wrong_from_the_top(got[lambd], right[lambd]) is not None for lambd in BACKWARD_LAMBDAS):
        sentence, detail = explain_gradients(got, right, mistakes)
        fail(f"Your gradients are wrong on the example of this check (lambd = {_lambdas_words(BACKWARD_LAMBDAS)}): "
             f"{sentence}" + (f" ({detail})." if detail else "."))
    passed("dW1, db1, dW2, db2, dW3, db3 have the right shapes and values with lambd = "
           f"{_lambdas_words(BACKWARD_LAMBDAS).replace(' or ', ' and ')}.")
