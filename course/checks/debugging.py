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
from .gradient_checking import number_as_float

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
    return all(g.shape == w.shape and np.linalg.norm(g - w) <= NORMALIZE_RTOL * max(np.linalg.norm(w), 1e-12)
               for g, w in zip(got, want))


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


# --- gradient health report ---

HEALTH_FIELDS = ("ratio", "zero", "nan_or_inf", "saturated")
ACTIVATIONS = ("relu", "sigmoid", "tanh")
# Relative tolerance on a ratio (float32 norms pass; every known mistake is farther), absolute on a fraction.
RATIO_RTOL = 1e-5
FRACTION_ATOL = 1e-6

# (name, field of the report it changes, sentence); "report" changes every field.
KNOWN_HEALTH_MISTAKES = (
    ("reversed", "report", "the report lists the layers last first: report[0] must be layer 1, report[L - 1] "
                           "layer L"),
    ("inverted", "ratio", "the ratio is inverted, ||W|| / ||dW||: divide the gradient's norm by the weights' norm, "
                          "||dW[l]|| / ||W[l]||"),
    ("sums", "ratio", "the ratio divides the sums (or means) of the entries, where signs cancel: divide the "
                      "Frobenius norms, np.linalg.norm(dW) / np.linalg.norm(W)"),
    ("absolute_sums", "ratio", "the ratio divides the sums (or means) of the absolute values: divide the Frobenius "
                               "norms, the square roots of the sums of squares, "
                               "np.linalg.norm(dW) / np.linalg.norm(W)"),
    ("spectral", "ratio", "the ratio uses the spectral norm (np.linalg.norm with ord=2 on a matrix, its largest "
                          "singular value): use the Frobenius norm, np.linalg.norm(dW) without ord"),
    ("squared", "ratio", "the ratio divides the squared norms (sums of squares without the square root): divide "
                         "the Frobenius norms, np.linalg.norm(dW) / np.linalg.norm(W)"),
    ("layers_paired_by_position", "ratio", "W[l] is paired with the gradient of another layer (grads taken by "
                                           "position: backpropagation fills them from the last layer back): look "
                                           "up grads[\"dW\" + str(l)] for parameters[\"W\" + str(l)]"),
    ("any_zero", "zero", "a layer is reported zero when some entries of its gradient are 0 (np.any(dW == 0)), a few "
                         "dead units: it is zero when all of dW[l] or all of db[l] is 0, not np.any(dW)"),
    ("zero_bias_ignored", "zero", "a layer whose db is 0 everywhere is not reported zero: test db[l] as well as "
                                  "dW[l]"),
    ("nan_only", "nan_or_inf", "a gradient holding inf is not reported (np.isnan only): test ~np.isfinite, which "
                               "catches nan, inf and -inf"),
    ("inf_only", "nan_or_inf", "a gradient holding nan is not reported (np.isinf only): test ~np.isfinite, which "
                               "catches nan, inf and -inf"),
    ("nan_or_inf_bias_ignored", "nan_or_inf", "a layer whose db holds nan or inf is not reported: test db[l] as "
                                              "well as dW[l]"),
    ("on_activations", "saturated", "the saturation is measured on the activations A, which a sigmoid or tanh keeps "
                                    "within [-1, 1]: measure it on their inputs Z[l]"),
    ("no_abs", "saturated", "only Z > threshold is counted, while a large negative input saturates too: count "
                            "|Z| > threshold"),
    ("count", "saturated", "saturated is a count of entries: it must be the fraction, that count divided by the "
                           "number of entries of Z[l] (np.mean of the comparison)"),
    ("threshold_4", "saturated", "the saturation ignores the argument threshold (4 is written in): compare |Z| with "
                                 "threshold"),
    ("relu_measured", "saturated", "a relu layer gets a saturation fraction, but a relu does not saturate for large "
                                   "inputs: report None for it"),
)
# The nan and inf of the visible check's network, put into its stored gradients when the check runs (the stored
# values hold no inf): (gradient, row, column, value).
HEALTH_PLANTS = (("dW1", 1, 2, np.nan), ("db2", 3, 0, np.inf), ("dW5", 0, 1, -np.inf))
SVD_HINT = ("np.linalg.norm with ord=2 on a matrix computes its spectral norm by an SVD, which fails on nan: use "
            "the Frobenius norm, np.linalg.norm(dW) without ord")


def health_call(parameters, activations, threshold):
    L = len(activations)
    return (f"gradient_health(parameters, grads, cache, activations, threshold={threshold:g}) on a network of {L} "
            f"layers ({', '.join(activations)})")


def _number(value):
    """A real number as a float, or None."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        if isinstance(value, np.ndarray) and value.shape == () and value.dtype.kind in "iuf":
            return float(value)
        return None
    return float(value)


def _flag(value):
    """A bool (True, np.True_, 1 or 0), or None."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)) and value in (0, 1):
        return bool(value)
    return None


def call_health(gradient_health, parameters, grads, cache, activations, threshold):
    """The student's report as arrays {field: (L,)}: ratio and saturated float64 (nan for None), zero and
    nan_or_inf bool; fail unless the report has the documented shape."""
    __tracebackhide__ = True
    call = health_call(parameters, activations, threshold)
    try:
        report = call_student(gradient_health, parameters, grads, cache, list(activations), float(threshold),
                              call=call)
    except CheckFailure as failure:
        if "SVD" in failure.sentence:
            fail(f"{failure.sentence[:-1]}: {SVD_HINT}.", cause=failure)
        raise
    L = len(activations)
    if not isinstance(report, (list, tuple)) or len(report) != L:
        what = f"a {type(report).__name__} of {len(report)}" if isinstance(report, (list, tuple, dict)) else \
            type(report).__name__
        fail(f"{call} returned {what}, but it must return a list of {L} dicts, one per layer, layer 1 first.")
    arrays = {"ratio": np.full(L, np.nan), "zero": np.zeros(L, bool), "nan_or_inf": np.zeros(L, bool),
              "saturated": np.full(L, np.nan)}
    for l, entry in enumerate(report, start=1):
        if not isinstance(entry, dict) or set(entry) != set(HEALTH_FIELDS):
            keys = sorted(map(str, entry)) if isinstance(entry, dict) else None
            fail(f"{call} returned, for layer {l}, "
                 + (f"a dict with keys {keys}" if keys is not None else f"a {type(entry).__name__}")
                 + ", but each layer's entry must be a dict with the keys " + ", ".join(f'"{k}"' for k in HEALTH_FIELDS)
                 + ".")
        ratio = entry["ratio"]
        if ratio is not None and _number(ratio) is None:
            fail(f"{call} returned, for layer {l}, a ratio of type {type(ratio).__name__}, but it must be one number.")
        arrays["ratio"][l - 1] = np.nan if ratio is None else _number(ratio)
        for key in ("zero", "nan_or_inf"):
            if _flag(entry[key]) is None:
                fail(f"{call} returned, for layer {l}, \"{key}\": {entry[key]!r:.40}, but it must be True or False.")
            arrays[key][l - 1] = _flag(entry[key])
        saturated = entry["saturated"]
        if saturated is not None and _number(saturated) is None:
            shape = f" of shape {saturated.shape}" if isinstance(saturated, np.ndarray) else ""
            fail(f"{call} returned, for layer {l}, \"saturated\" as {type(saturated).__name__}{shape}, but it must "
                 "be one number, the fraction over all the entries of Z[l] (units and examples), or None for a "
                 "relu layer.")
        if saturated is not None:
            arrays["saturated"][l - 1] = _number(saturated)
    return arrays


def same_field(field, got, want, finite):
    """Whether one field (L,) of two reports agrees; the ratio only on the layers whose gradients are finite
    (`finite`: (L,) bool)."""
    got, want = np.asarray(got), np.asarray(want)
    if field == "ratio":
        return bool(np.all(np.isclose(got[finite], want[finite], rtol=RATIO_RTOL, atol=0, equal_nan=True)))
    if field == "saturated":
        return bool(np.array_equal(np.isnan(got), np.isnan(want))
                    and np.all(np.abs(np.nan_to_num(got) - np.nan_to_num(want)) <= FRACTION_ATOL))
    return bool(np.array_equal(got.astype(bool), want.astype(bool)))


def same_report(got, want):
    finite = ~np.asarray(want["nan_or_inf"], dtype=bool)
    return all(same_field(field, got[field], want[field], finite) for field in HEALTH_FIELDS)


def explain_health(got, right, mistakes):
    """Why the student's report is wrong, in the words both checks use.

    got, right: {field: (L,)} arrays; mistakes: {name of KNOWN_HEALTH_MISTAKES: (L,) values of its field, or
    {field: (L,)} for "reversed"}. Returns (sentence, detail), detail None when a known mistake is named.
    """
    finite = ~np.asarray(right["nan_or_inf"], dtype=bool)
    if "reversed" in mistakes and all(same_field(field, got[field], mistakes["reversed"][field], finite)
                                      for field in HEALTH_FIELDS):
        return {name: s for name, _, s in KNOWN_HEALTH_MISTAKES}["reversed"], None
    for field in HEALTH_FIELDS:
        if same_field(field, got[field], right[field], finite):
            continue
        for name, mistake_field, sentence in KNOWN_HEALTH_MISTAKES:
            if mistake_field == field and name in mistakes and same_field(field, got[field], mistakes[name], finite):
                return sentence, None
        wrong = [l for l in range(len(finite)) if not same_field(field, got[field][l:l + 1], right[field][l:l + 1],
                                                               finite[l:l + 1])]
        i = wrong[0]
        l = i + 1
        value, should = got[field][i], right[field][i]
        if field == "ratio":
            return (f"layer {l}'s ratio is {value:.4g} where it should be {should:.4g}: ||dW{l}|| / ||W{l}||, "
                    "with Frobenius norms"), None
        if field == "saturated":
            def words(v):
                return "None" if np.isnan(v) else f"{v:.4g}"
            return (f"layer {l}'s \"saturated\" is {words(value)} where it should be {words(should)}: the fraction "
                    f"of the entries of Z{l} with |Z| > threshold for a sigmoid or tanh layer, None for a relu "
                    "layer"), None
        what = "is 0 everywhere" if field == "zero" else "holds a nan or an inf"
        return (f"layer {l}'s \"{field}\" is {bool(value)} where it should be {bool(should)}: it says whether dW{l} "
                f"or db{l} {what}"), None
    raise AssertionError("explain_health called on a right answer")


def health_summary(right):
    """What the visible check prints when the report is right."""
    L = len(right["ratio"])
    return (f"the report is right in all {L} layers ({int(np.sum(right['zero']))} zero, "
            f"{int(np.sum(right['nan_or_inf']))} not finite).")


def check_gradient_health(gradient_health):
    """Visible checks for gradient_health on a fixed network."""
    __tracebackhide__ = True
    stored = read_stored_values("debugging/gradient_health")
    example = stored["example"]
    L = int(example["L"])
    activations = [ACTIVATIONS[int(k)] for k in example["activations"]]
    threshold = float(example["threshold"])
    parameters = {f"{k}{l}": example["parameters"][f"{k}{l}"] for l in range(1, L + 1) for k in ("W", "b")}
    grads = {f"d{k}{l}": example["grads"][f"d{k}{l}"] for l in range(L, 0, -1) for k in ("W", "b")}
    for key, row, column, value in HEALTH_PLANTS:
        grads[key][row, column] = value
    cache = {f"{k}{l}": example["cache"][f"{k}{l}"] for l in range(1, L + 1) for k in ("Z", "A")}
    got = call_health(gradient_health, parameters, grads, cache, activations, threshold)
    right = stored["right"]
    if not same_report(got, right):
        mistakes = dict(stored["mistakes"])
        sentence, detail = explain_health(got, right, mistakes)
        fail("Your report is wrong on the network of this check: " + sentence + (f" ({detail})." if detail else "."))
    passed(health_summary(right))
# --- layer-by-layer comparison ---
# The checks run first_difference on a battery of records (two implementations' activations and
# gradients), in the order of KINDS: each kind is built so that the first record a known mistake gets
# wrong names that mistake. The visible check's records and right answers are stored; the hidden
# tests draw fresh ones (autograder/checks/debugging.py).

KINDS = (
    "identical",            # the same arrays: None
    "round_off",            # every array off by round-off (1e-12 of its scale): None
    "round_off_large",      # the same, with a layer and a gradient of values about 1e9: None
    "round_off_near_zero",  # the same, with entries near 0 (cancellations) in every array: None
    "round_off_large_near_zero",  # both: None
    "forward",              # layer k (2 <= k < L) differs, and with it every later layer and every gradient
    "forward_small",        # the same from a layer k < L of values about 1e-9
    "forward_permuted",     # layer k < L holds its right values in another order (examples swapped), alone
    "forward_last",         # only the last layer L differs
    "backward",             # dWk (3 <= k < L) differs, and with it dbk and every gradient of the layers below
    "backward_last",        # the same from dWL
    "backward_bias",        # only dbk differs (k < L)
    "backward_permuted",    # only dWk differs (k < L): its rows in another order
    "backward_sign",        # only dWk differs (k < L): a block of it with the sign flipped (same norm)
    "rtol_loose",           # a layer scaled by 1 + 1e-4, compared with rtol = 1e-3: None
)
SECTIONS = ("forward", "backward")
DIFFERENCE_CONTRACT = ('it must return None when everything agrees, ("forward", l) with l the layer number (an int, '
                       'from 1), or ("backward", name) with name a gradient\'s key such as "dW3"')


def answer_words(answer):
    """An answer (None, ("forward", l) or ("backward", name)) as the student would write it."""
    if answer is None:
        return "None"
    return f'("forward", {answer[1]})' if answer[0] == "forward" else f'("backward", "{answer[1]}")'


def difference_call(L, rtol):
    return f"first_difference(activations_a, activations_b, grads_a, grads_b, rtol={rtol:g}) on a network of {L} layers"


def read_answer(result, L, call):
    """The student's answer as None, ("forward", l) or ("backward", "dWl" / "dbl"); fail unless it has
    that form (strings' case and surrounding spaces, a tuple or a list, a NumPy int are all accepted)."""
    __tracebackhide__ = True
    if result is None:
        return None
    if isinstance(result, (tuple, list)) and len(result) == 2 and isinstance(result[0], str):
        section, where = result[0].strip().lower(), result[1]
        if section == "forward" and isinstance(where, (int, np.integer)) and not isinstance(where, (bool, np.bool_)):
            return ("forward", int(where))
        if section == "backward" and isinstance(where, str):
            name = where.strip()
            if len(name) > 2 and name[0] == "d" and name[1] in "Wwb" and name[2:].isdigit():
                return ("backward", ("dW" if name[1] in "Ww" else "db") + str(int(name[2:])))
    fail(f"{call} returned {result!r:.80}, but {DIFFERENCE_CONTRACT}.")


def call_first_difference(first_difference, record):
    """The student's answer on one record (a dict with activations_a, activations_b, grads_a, grads_b,
    rtol), read by read_answer."""
    __tracebackhide__ = True
    L = len(record["activations_a"])
    call = difference_call(L, record["rtol"])
    result = call_student(first_difference, record["activations_a"], record["activations_b"], record["grads_a"],
                          record["grads_b"], record["rtol"], call=call)
    return read_answer(result, L, call)


def explain_difference(record, got, right):
    """Why the student's answer on a record is wrong, in the words both checks use.

    record: the record's arrays with its kind (a name of KINDS), its planted layer k and scale (the
    typical size of the arrays planted or scaled); got, right: answers (None or (section, where)).
    Returns one sentence (no final period).
    """
    kind, k, L = record["kind"], record["layer"], len(record["activations_a"])
    said = f"returned {answer_words(got)} where the answer is {answer_words(right)}"
    entry_wise = ("a tolerance taken entry by entry (np.isclose, np.allclose, |a - b| <= rtol |b|) flags round-off "
                  "on entries near 0, which sums and cancellations leave: round-off is relative to the scale of the "
                  "whole array, so compare ||a - b|| with rtol * max(||a||, ||b||)")
    if kind == "identical":
        return f"on two identical records it {said}: nothing differs there"
    if kind == "round_off":
        return (f"on two records that differ only by round-off (1e-12 of each array's scale) it {said}: round-off "
                "counts as a difference (exact equality, ==, np.array_equal): compare ||a - b|| with rtol * "
                "max(||a||, ||b||)")
    if kind == "round_off_large":
        return (f"on two records that differ only by round-off, where some arrays hold values about 1e9, it {said}: "
                "an absolute tolerance flags the round-off of large values and misses real differences in small "
                "ones: compare ||a - b|| with rtol * max(||a||, ||b||), relative to the array's scale")
    if kind in ("round_off_near_zero", "round_off_large_near_zero"):
        return f"on two records that differ only by round-off it {said}: {entry_wise}"
    if kind == "rtol_loose":
        return (f"with rtol = {record['rtol']:g}, on records where A{k} differs by 1e-4 of its scale, it {said}: the "
                "argument rtol is not used (a difference smaller than rtol times the array's scale does not count)")
    if kind.startswith("forward"):
        if got is not None and got[0] == "backward":
            return (f"the activations of layer {k} differ, but it {said}: compare the forward pass first (every "
                    "activation, layer 1 up), and the gradients only when all activations agree")
        if kind == "forward" and got in (("forward", k - 1), ("forward", k + 1)):
            return (f"it {said}: the layer number is off by one; layers are numbered from 1 (activations_a[0] is "
                    "A1, the activations of layer 1)")
        if kind == "forward" and got is not None and got[1] > k:
            return (f"layers {k} to {L} differ and it {said}: that is the last difference, not the first; stop "
                    "at the first layer, from 1 up, whose activations differ")
        if kind == "forward_small":
            return (f"the activations of layer {k}, values about {record['scale']:.0e}, differ by 6 % or more and "
                    f"it {said}: an absolute tolerance (such as np.allclose's atol=1e-8) misses differences in "
                    "small values: compare ||a - b|| with rtol * max(||a||, ||b||), relative to the array's scale")
        if kind == "forward_permuted":
            return (f"layer {k} holds the right values with its examples (columns) in another order (same shape, "
                    f"sum, mean and norm) and it {said}: compare the arrays entry by entry, as ||a - b||, not their "
                    "sums, means, norms or shapes")
        if kind == "forward_last":
            return f"only the last layer, {L}, differs and it {said}: compare every layer, 1 to L"
        if got is None:
            return (f"the activations of layer {k} differ by 6 % or more and it {said}: compare the values "
                    "(||a - b||), not only the shapes")
        return f"the activations of layers {k} to {L} differ and it {said}"
    # backward kinds
    name = right[1]
    if got is not None and got[0] == "forward":
        return f"all activations agree within round-off and it {said}: only a gradient differs"
    if kind == "backward" and got is not None:
        layer = int(got[1][2:])
        if got[1] == f"db{k}":
            return (f"dW{k} and db{k} differ and it {said}: within a layer compare dW before db (the order is "
                    "dWL, dbL, dW(L-1), db(L-1), ...)")
        if layer == k - 1 and got[1] == f"dW{k - 1}":
            return (f"it {said}: the layer number is off by one; layers are numbered from 1 (dW{k} is the "
                    f"gradient of W{k})")
        if layer < k:
            return (f"dW{k} and every gradient below it differ and it {said}: an error in layer {k}'s backward "
                    "step spreads to the layers below, so search from the last layer back (dWL, dbL, then layer "
                    "L - 1, ...) and stop at the first difference")
    if kind == "backward_last":
        return (f"the last layer's gradients dW{L} and db{L} differ, with every gradient below them, and it {said}: "
                "search every layer's gradients, from the last layer L back to 1")
    if kind == "backward_bias":
        return (f"only {name} differs and it {said}: compare the biases' gradients db too, dW then db in each "
                "layer")
    if kind in ("backward_permuted", "backward_sign"):
        how = ("its rows in another order: same shape, sum, mean and norm" if kind == "backward_permuted" else
               "a block of it with the sign flipped: same shape and norm")
        return (f"only {name} differs ({how}) and it {said}: compare the arrays entry by entry, as ||a - b||, "
                "not their sums, means, norms or shapes")
    if got is None:
        return (f"{name} differs by 6 % or more and it {said}: compare the values (||a - b||), not only the "
                "shapes")
    return f"{name} and the gradients below it differ and it {said}"


def stored_records(stored):
    """The visible check's records, from the stored group "debugging/first_difference"."""
    records = []
    for index in sorted(stored["records"], key=int):
        group = stored["records"][index]
        L = len(group["activations_a"])
        records.append({
            "kind": KINDS[int(group["kind"])], "layer": int(group["layer"]), "scale": float(group["scale"]),
            "rtol": float(group["rtol"]),
            "activations_a": [group["activations_a"][str(l)] for l in range(1, L + 1)],
            "activations_b": [group["activations_b"][str(l)] for l in range(1, L + 1)],
            "grads_a": dict(group["grads_a"]), "grads_b": dict(group["grads_b"]),
            "right": decode_answer(group["right"]),
        })
    return records


def decode_answer(code):
    """An answer from its stored code: (0, 0, 0) is None, (1, l, 0) ("forward", l), (2, l, 0) ("backward",
    "dWl") and (2, l, 1) ("backward", "dbl")."""
    section, layer, bias = (int(v) for v in code)
    if section == 0:
        return None
    if section == 1:
        return ("forward", layer)
    return ("backward", ("db" if bias else "dW") + str(layer))


def check_first_difference(first_difference):
    """Visible checks for first_difference on a fixed battery of records."""
    __tracebackhide__ = True
    records = stored_records(read_stored_values("debugging/first_difference"))
    for record in records:
        got = call_first_difference(first_difference, record)
        if got != record["right"]:
            fail(f"Your first_difference is wrong on a record of this check: "
                 f"{explain_difference(record, got, record['right'])}.")
    passed(f"the right place on all {len(records)} records.")
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
    size = len(cost) if isinstance(cost, (list, tuple)) else cost.size if isinstance(cost, np.ndarray) else 1
    if size != 1:
        # The whole list of costs, say: the length tells the student what they returned.
        fail(f"{call} returned the cost as a {type(cost).__name__} of {size} values, but it must be one "
             "number, the training cost after the last step.")
    if not isinstance(reached, (bool, np.bool_)):
        fail(f"{call} returned reached = {reached!r:.60}, but it must be True or False (cost < tolerance).")
    return number_as_float(cost, call, "the cost (the training cost after the last step)"), bool(reached)


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
