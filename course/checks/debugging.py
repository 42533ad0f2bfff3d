"""Visible checks of the debugging notebook, and the contracts and sentences the hidden tests share.

The checks run the student's functions on fixed examples and compare the results with right answers
stored in course/data/stored_values.h5 (group "debugging", written by autograder/stored_values.py
from autograder.checks.debugging.stored_values, which uses the reference solutions that never ship).
Nothing here computes a graded answer. The file also stores what each known mistake gives on the
fixed examples, so a wrong answer is named here with the sentence the hidden tests give on fresh
inputs (KNOWN_NORMALIZE_MISTAKES, KNOWN_DIAGNOSIS_MISTAKES).
"""

import numpy as np

from course.datasets import read_stored_values

from .core import CheckFailure, call_student, fail, passed

SETS = ("train", "dev", "test")
OUTPUT_NAMES = ("X_train_norm", "X_dev_norm", "X_test_norm")
# Relative tolerance on a whole normalized set: far above the round-off of a float32 pipeline or an
# epsilon of 1e-8 added to sigma, far below the effect of any mistake (at least 1 %).
NORMALIZE_RTOL = 1e-4

# --- normalizing inputs ------------------------------------------------------------------------------

KNOWN_NORMALIZE_MISTAKES = (
    ("test_statistics", "every set is normalized with the mean and spread of the test set: fit mu and sigma on "
                        "the training set only, then apply them to every set"),
    ("dev_statistics", "every set is normalized with the mean and spread of the dev set: fit mu and sigma on "
                       "the training set only, then apply them to every set"),
    ("pooled_statistics", "mu and sigma are taken over the training, dev and test sets together: fit them on the "
                          "training set only, the dev and test sets stand for data the model has never seen"),
    ("own_statistics", "the dev and test sets are normalized with their own mean and spread: apply the training "
                       "set's mu and sigma to them"),
    ("dev_test_unchanged", "the dev and test sets come back unnormalized: apply the training set's mu and sigma to "
                           "them too"),
    ("dev_test_not_centered", "the dev and test sets are divided by sigma but not centered (after X_train -= mu, "
                              "the mean of X_train is 0): subtract the training mean mu from them too"),
    ("per_example", "the mean and spread are taken per example (over axis 0): take them per feature, over the "
                    "examples, with axis=1 and keepdims=True"),
    ("global_statistics", "one mean and one spread are taken over all the entries: take them per feature, over the "
                          "examples, with axis=1 and keepdims=True"),
    ("variance", "each feature is divided by its variance: divide by its standard deviation sigma, the square root "
                 "of the variance"),
    ("not_centered", "the mean is not subtracted: subtract mu, then divide by sigma"),
    ("not_scaled", "the sets are centered but not divided by sigma, the training standard deviation"),
    ("min_max", "the features are scaled to [0, 1] with the training minimum and maximum: subtract the mean mu and "
                "divide by the standard deviation sigma instead"),
)
PER_EXAMPLE_BROADCAST = ("the mean and spread look taken per example (over axis 0), which cannot be applied to a set "
                         "with another number of examples: take them per feature, over the examples, with axis=1 "
                         "and keepdims=True")


NO_KEEPDIMS = ("statistics of shape (n_x,) do not broadcast against a set (n_x, m): keep the feature axis with "
               "keepdims=True, so that mu and sigma have shape (n_x, 1)")


def normalize_call(X_train, X_dev, X_test):
    shapes = ", ".join(f"X_{name}: {X.shape}" for name, X in zip(SETS, (X_train, X_dev, X_test)))
    return f"normalize_inputs(X_train, X_dev, X_test) with {shapes}"


def call_normalize(normalize_inputs, X_train, X_dev, X_test):
    """The student's three normalized sets as float64 arrays; fail unless they are usable.

    A ValueError about broadcasting (statistics per example, applied to a set of another size) is
    named as that mistake.
    """
    __tracebackhide__ = True
    call = normalize_call(X_train, X_dev, X_test)
    try:
        result = call_student(normalize_inputs, X_train, X_dev, X_test, call=call)
    except CheckFailure as failure:
        if "broadcast" in failure.sentence:
            one_axis = f"({X_train.shape[0]},)" in failure.sentence.replace(" ", "")
            fail(f"{failure.sentence[:-1]}: {NO_KEEPDIMS if one_axis else PER_EXAMPLE_BROADCAST}.", cause=failure)
        raise
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        what = f"a {type(result).__name__} of {len(result)}" if isinstance(result, (tuple, list)) else \
            type(result).__name__
        fail(f"{call} returned {what}, but it must return three arrays: X_train_norm, X_dev_norm, X_test_norm.")
    arrays = []
    for name, value, X in zip(OUTPUT_NAMES, result, (X_train, X_dev, X_test)):
        array = _real_array(value)
        if array is None:
            fail(f"{call} returned {name} as {type(value).__name__}, but it must be a NumPy array of numbers.")
        if array.shape != X.shape:
            others = [f"X_{other}" for other, Y in zip(SETS, (X_train, X_dev, X_test)) if Y.shape == array.shape]
            hint = (f" (the shape of {others[0]}: return X_train_norm, X_dev_norm, X_test_norm in this order)" if others
                    else " (it looks transposed)" if array.shape == X.shape[::-1] else "")
            fail(f"{call} returned {name} with shape {array.shape}{hint}, but it must have the shape of its input, "
                 f"{X.shape}.")
        if not np.all(np.isfinite(array)):
            fail(f"{call} returned {name} with values that are not finite (nan or inf).")
        arrays.append(array.astype(np.float64))
    return tuple(arrays)


def _real_array(value):
    if not isinstance(value, (np.ndarray, np.generic)) or isinstance(value, np.bool_):
        return None
    array = np.asarray(value)
    return array if np.issubdtype(array.dtype, np.floating) or np.issubdtype(array.dtype, np.integer) else None


def same_sets(got, want):
    """Whether three normalized sets agree with three others, each to NORMALIZE_RTOL of its size."""
    return all(g.shape == w.shape and np.linalg.norm(g - w) <= NORMALIZE_RTOL * max(np.linalg.norm(w), 1e-12) for g, w in zip(got, want))


def explain_normalized(got, rights, mistakes):
    """Why the student's normalized sets are wrong on one problem, in the words both checks use.

    got: the student's three sets; rights: the right answers (one triple per accepted spread: the
    standard deviation dividing by m, or by m - 1); mistakes: {name of KNOWN_NORMALIZE_MISTAKES:
    three sets}. Returns (sentence, detail), detail None when a known mistake is named.
    """
    for name, sentence in KNOWN_NORMALIZE_MISTAKES:
        if name in mistakes and same_sets(got, mistakes[name]):
            return sentence, None
    right = rights[0]
    for i, (g, w) in enumerate(zip(got, right)):
        if np.linalg.norm(g - w) > NORMALIZE_RTOL * max(np.linalg.norm(w), 1e-12):
            index = np.unravel_index(int(np.argmax(np.abs(g - w))), g.shape)
            where = f"entry {tuple(int(k) for k in index)} is {g[index]:.6g} where it should be {w[index]:.6g}"
            if i == 0:
                return ("X_train_norm is wrong: it must be (X_train - mu) / sigma, with mu and sigma the mean and "
                        "standard deviation of each feature (row) of X_train", where)
            return (f"{OUTPUT_NAMES[i]} is wrong: it must be (X_{SETS[i]} - mu) / sigma, with the training set's "
                    "mu and sigma", where)
    raise AssertionError("explain_normalized called on a right answer")


def check_normalize_inputs(normalize_inputs):
    """Visible checks for normalize_inputs on a fixed example."""
    __tracebackhide__ = True
    stored = read_stored_values("debugging/normalize_inputs")
    example = stored["example"]
    X_train, X_dev, X_test = (example[f"X_{name}"] for name in SETS)
    got = call_normalize(normalize_inputs, X_train, X_dev, X_test)
    rights = [tuple(stored["right"][ddof][name] for name in SETS) for ddof in ("ddof0", "ddof1")]
    if not any(same_sets(got, right) for right in rights):
        mistakes = {name: tuple(sets[s] for s in SETS) for name, sets in stored["mistakes"].items()}
        sentence, detail = explain_normalized(got, rights, mistakes)
        fail("Your normalized sets are wrong on the example of this check: " + sentence
             + (f" ({detail})." if detail else "."))
    means = np.mean(got[0], axis=1)
    spreads = np.std(got[0], axis=1)
    passed(f"the training set has mean {abs(means).max():.0f} and spread {spreads.mean():.0f} in every feature; "
           "the dev and test sets are normalized with the training statistics.")


# --- bias and variance --------------------------------------------------------------------------------

DIAGNOSES = ("high bias", "high variance", "both", "neither")
REMEDIES = ("bigger network", "more data", "none")

KNOWN_DIAGNOSIS_MISTAKES = (
    ("base_ignored", "the base error is ignored: the avoidable bias is train_error - base_error, not train_error"),
    ("variance_from_base", "the variance is measured from the base error: it is the gap dev_error - train_error"),
    ("bias_from_dev", "the bias is measured on the dev error: it is the gap train_error - base_error"),
    ("labels_swapped", "high bias and high variance are swapped: a large train_error - base_error is high bias, a "
                       "large dev_error - train_error high variance"),
    ("both_as_bias", "a model with both high bias and high variance is diagnosed \"high bias\" only (an if/elif "
                     "chain stops at the first test): check both gaps and say \"both\""),
    ("both_as_variance", "a model with both high bias and high variance is diagnosed \"high variance\" only (an "
                         "if/elif chain stops at the first test): check both gaps and say \"both\""),
    ("tolerance_ignored", "the argument tolerance is not used: a gap is high when it is larger than tolerance"),
    ("ratio", "the gaps are measured as ratios: compare the differences train_error - base_error and dev_error - "
              "train_error with tolerance"),
    ("absolute_gap", "a dev error far below the training error is taken for high variance (abs of the gap): only a "
                     "dev error above the training error by more than tolerance is high variance"),
    ("percent", "the gaps are compared with the tolerance in percent (15 for 15 %) while the tolerance is a "
                "fraction: errors and tolerance are all fractions (0.15 for 15 %)"),
    ("variance_first", "with both high bias and high variance the first remedy is \"more data\": fix the bias "
                       "first, with a \"bigger network\""),
    ("remedies_swapped", "the remedies are swapped: high bias calls for a \"bigger network\", high variance for "
                         "\"more data\""),
)


def row_words(row):
    train, dev, base, tolerance = (float(v) for v in row)
    return f"train error {train:g}, dev error {dev:g}, base error {base:g} and tolerance {tolerance:g}"


def diagnosis_call(row):
    return "diagnose_bias_variance({:g}, {:g}, {:g}, {:g})".format(*(float(v) for v in row))


def call_diagnose(diagnose_bias_variance, row):
    """The student's (diagnosis, remedy) on one row (train, dev, base, tolerance) as indices into
    DIAGNOSES and REMEDIES; fail unless both are known words (case and spaces at the ends ignored)."""
    __tracebackhide__ = True
    call = diagnosis_call(row)
    result = call_student(diagnose_bias_variance, *(float(v) for v in row), call=call)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(f"{call} returned {result!r:.60}, but it must return two strings: (diagnosis, remedy).")
    codes = []
    for value, words, what in zip(result, (DIAGNOSES, REMEDIES), ("diagnosis", "remedy")):
        word = value.strip().lower() if isinstance(value, str) else None
        if word not in words:
            fail(f"{call} returned the {what} {value!r:.60}, but it must be one of "
                 + ", ".join(f'"{w}"' for w in words[:-1]) + f' or "{words[-1]}".')
        codes.append(words.index(word))
    return tuple(codes)


def explain_diagnoses(table, got, right, mistakes):
    """Why the student's answers on a table of rows are wrong, in the words both checks use.

    table: (k, 4) rows (train, dev, base, tolerance); got, right: (k, 2) codes (diagnosis, remedy);
    mistakes: {name of KNOWN_DIAGNOSIS_MISTAKES: (k, 2) codes}. A known mistake is named when it
    gives the student's answers on every row. Returns (sentence, detail), detail None then.
    """
    got, right = np.asarray(got), np.asarray(right)
    for name, sentence in KNOWN_DIAGNOSIS_MISTAKES:
        if name in mistakes and np.array_equal(got, mistakes[name]):
            return sentence, None
    i = int(np.flatnonzero(np.any(got != right, axis=1))[0])
    train, dev, base, tolerance = (float(v) for v in table[i])
    if got[i, 0] != right[i, 0]:
        return (f'with {row_words(table[i])}, the diagnosis is "{DIAGNOSES[got[i, 0]]}" where it should be '
                f'"{DIAGNOSES[right[i, 0]]}": the avoidable bias train_error - base_error is {train - base:.3g} and '
                f"the variance dev_error - train_error is {dev - train:.3g}"), None
    return (f'with {row_words(table[i])}, the remedy is "{REMEDIES[got[i, 1]]}" where it should be '
            f'"{REMEDIES[right[i, 1]]}" (diagnosis "{DIAGNOSES[right[i, 0]]}"): a bigger network when the bias is '
            "high, bias first; more data when only the variance is high"), None


def check_diagnose_bias_variance(diagnose_bias_variance):
    """Visible checks for diagnose_bias_variance on a fixed table of models."""
    __tracebackhide__ = True
    stored = read_stored_values("debugging/diagnose_bias_variance")
    table, right = stored["table"], stored["right"]
    got = np.array([call_diagnose(diagnose_bias_variance, row) for row in table])
    if not np.array_equal(got, right):
        sentence, _ = explain_diagnoses(table, got, right, stored["mistakes"])
        fail(f"Your diagnoses are wrong on the table of this check: {sentence}.")
    counts = ", ".join(f"{np.sum(right[:, 0] == k)} {word}" for k, word in enumerate(DIAGNOSES))
    passed(f"the right diagnosis and first remedy for all {len(table)} models ({counts}).")


# --- overfit a tiny set -------------------------------------------------------------------------------

# Relative tolerance on a returned cost: far above the round-off of the same training on another CPU or
# BLAS (about 1e-11 after 400 steps), far below what any mistake changes (at least 1e-4).
TINY_COST_RTOL = 1e-6
# The signature's defaults, which a mistake may use in place of the arguments.
TINY_DEFAULTS = {"num_iterations": 300, "learning_rate": 0.5, "tolerance": 0.01}
# The names of course.tiny_set.IMPLEMENTATIONS; the stored calls give an implementation by its index here.
TINY_IMPLEMENTATIONS = ("A", "B", "C")

KNOWN_TINY_MISTAKES = (
    ("all_examples", "the network is trained on all m examples (X[:k] takes rows, the features, not examples): "
                     "train it on the first k columns, X[:, :k] and Y[:, :k]"),
    ("k_plus_one", "the network is trained on k + 1 examples: the first k are X[:, :k] and Y[:, :k], columns 0 to "
                   "k - 1"),
    ("k_minus_one", "the network is trained on k - 1 examples: the first k are X[:, :k] and Y[:, :k], columns 0 to "
                    "k - 1"),
    ("last_k", "the network is trained on the last k examples: train it on the first k, X[:, :k] and Y[:, :k]"),
    ("cost_on_all_examples", "the cost is measured on all m examples after training on the first k: report the cost "
                             "on the k examples the network was trained on, costs[-1]"),
    ("first_cost", "the cost returned is the first one, before any step (costs[0]): report the cost after the last "
                   "step, costs[-1]"),
    ("mean_cost", "the cost returned is the average of the costs over the training: report the cost after the last "
                  "step, costs[-1]"),
    ("accuracy", "the first value returned is the accuracy on the k examples, not the cost: return the training cost "
                 "after the last step, costs[-1]"),
    ("comparison_inverted", "reached is True when the cost is above the tolerance: the tiny set is learned when "
                            "cost < tolerance"),
    ("tolerance_ignored", "the argument tolerance is not used (a number is hard-wired in its place): reached is "
                          "cost < tolerance, with the tolerance passed in"),
    ("implementation_ignored", "the argument implementation is not used (implementation \"A\" is always trained): "
                               "train IMPLEMENTATIONS[implementation]"),
    ("iterations_ignored", "the argument num_iterations is not used (300 hard-wired): pass it to the implementation"),
    ("learning_rate_ignored", "the argument learning_rate is not used (0.5 hard-wired): pass it to the "
                              "implementation"),
)


def tiny_call(X, k, implementation, num_iterations, learning_rate, tolerance):
    return (f"overfit_tiny_set(X, Y, {k}, \"{implementation}\", {num_iterations}, {learning_rate:g}, "
            f"{tolerance:.3g}) with X: {X.shape}")


def call_overfit(overfit_tiny_set, X, Y, k, implementation, num_iterations, learning_rate, tolerance):
    """The student's (cost, reached) on one call as (float, bool); fail unless it has that form."""
    __tracebackhide__ = True
    call = tiny_call(X, k, implementation, num_iterations, learning_rate, tolerance)
    result = call_student(overfit_tiny_set, X, Y, k, implementation, num_iterations, learning_rate, tolerance,
                          call=call)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(f"{call} returned {result!r:.60}, but it must return two values: (cost, reached).")
    cost, reached = result
    array = np.asarray(cost) if isinstance(cost, (int, float, np.ndarray, np.generic)) else None
    if array is None or array.size != 1 or isinstance(cost, (bool, np.bool_)) or not (
            np.issubdtype(array.dtype, np.floating) or np.issubdtype(array.dtype, np.integer)):
        what = (f"a {type(cost).__name__} of {len(cost)} values" if isinstance(cost, (list, tuple, np.ndarray))
                and np.ndim(cost) > 0 else f"{cost!r:.40}")
        fail(f"{call} returned the cost as {what}, but it must be one number, the training cost after the last "
             "step.")
    if not isinstance(reached, (bool, np.bool_)):
        fail(f"{call} returned reached = {reached!r:.60}, but it must be True or False (cost < tolerance).")
    cost = float(array.reshape(()))
    if not np.isfinite(cost):
        fail(f"{call} returned the cost {cost}, which is not finite.")
    return cost, bool(reached)


def same_tiny_results(got, want):
    """Whether (k, 2) results (cost, reached) agree: costs to TINY_COST_RTOL, reached exactly ((k, 1):
    the costs only)."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    return got.shape == want.shape and np.array_equal(got[:, 1:], want[:, 1:]) and bool(
        np.all(np.abs(got[:, 0] - want[:, 0]) <= TINY_COST_RTOL * np.abs(want[:, 0]) + 1e-12))


def explain_tiny(calls, got, right, mistakes):
    """Why the student's results on a list of calls are wrong, in the words both checks use.

    calls: one string per call (tiny_call); got, right: (k, 2) rows (cost, reached as 0/1); mistakes:
    {name of KNOWN_TINY_MISTAKES: (k, 2) rows}. A known mistake is named when it gives the student's
    results on every call.
    """
    for name, sentence in KNOWN_TINY_MISTAKES:
        if name in mistakes and same_tiny_results(got, mistakes[name]):
            return sentence
    got, right = np.asarray(got, dtype=np.float64), np.asarray(right, dtype=np.float64)
    if not same_tiny_results(got[:, :1], right[:, :1]):
        # The costs alone may still be a known mistake's, whatever reached says.
        for name, sentence in KNOWN_TINY_MISTAKES:
            if name in mistakes and same_tiny_results(got[:, :1], np.asarray(mistakes[name])[:, :1]):
                return sentence
    for i, call in enumerate(calls):
        if abs(got[i, 0] - right[i, 0]) > TINY_COST_RTOL * abs(right[i, 0]) + 1e-12:
            return (f"{call} returned the cost {got[i, 0]:.6g} where it should be {right[i, 0]:.6g}: the "
                    "cross-entropy on the first k examples after num_iterations steps of the implementation, "
                    "costs[-1]")
        if got[i, 1] != right[i, 1]:
            return (f"{call} returned reached = {bool(got[i, 1])} with the cost {got[i, 0]:.6g}: reached is "
                    "cost < tolerance")
    raise AssertionError("explain_tiny called on a right answer")


def check_overfit_tiny_set(overfit_tiny_set):
    """Visible checks for overfit_tiny_set on a fixed tiny data set and a fixed list of calls."""
    __tracebackhide__ = True
    stored = read_stored_values("debugging/overfit_tiny_set")
    X, Y, plan = stored["X"], stored["Y"], stored["calls"]
    arguments = [(int(k), TINY_IMPLEMENTATIONS[int(j)], int(n), float(rate), float(tolerance))
                 for k, j, n, rate, tolerance in plan]
    got = np.array([call_overfit(overfit_tiny_set, X, Y, *args) for args in arguments], dtype=np.float64)
    right = stored["right"]
    if not same_tiny_results(got, right):
        sentence = explain_tiny([tiny_call(X, *args) for args in arguments], got, right, stored["mistakes"])
        fail(f"Your results are wrong on the calls of this check: {sentence}.")
    passed(f"all {len(arguments)} calls right.")
