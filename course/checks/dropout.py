"""Visible checks of the dropout notebook, and the contracts the hidden tests share.

The masks are random, so the forward pass is judged by properties, never by values: the masks in the
cache are 0/1 arrays of the activations' shapes, kept at the rate keep_prob, independent across
examples and units, fresh on every call, and every other quantity in the cache follows from the
student's own masks (Z1 = W1 X + b1, A1 = relu(Z1) * D1 / keep_prob, ..., A3 = sigmoid(Z3)).
The backward pass is deterministic given a cache, so the visible check compares it with right
answers stored in course/data/stored_values.h5 for a fixed cache with fixed masks (computed by the
reference solution, which never ships: autograder/stored_values.py writes the file).
Nothing here computes a graded answer.
"""

import itertools
import math

import numpy as np

from course.datasets import read_stored_values
from course.network import forward_propagation, load_initial_parameters, relu, sigmoid

from .core import call_student, fail, passed
from .gradients import GRADIENT_KEYS, close, first_wrong_from_the_top, gradients_as_arrays, where_to_look, worst_entry

CACHE_NAMES = ("Z1", "D1", "A1", "W1", "b1", "Z2", "D2", "A2", "W2", "b2", "Z3", "A3", "W3", "b3")
# A statistic further than this many standard deviations from what independent masks kept at rate
# keep_prob give is a failure: a correct forward pass fails one of the 18 tests of a grading with
# probability below 1e-7. Every wrong way of drawing masks in the catalogue is off by more than 9
# standard deviations at some keep_prob of the hidden tests (randn < keep_prob at 0.8, where the normal
# and uniform rates are closest), and most by hundreds.
SIGMAS = 6.0
# Stored keep_prob of the visible backward check (the fixed cache has masks for it) and the plain one.
VISIBLE_KEEP_PROBS = (0.8, 1.0)


# --- the forward pass's contract ------------------------------------------------------------------

def _real(value):
    """`value` as a NumPy array if NumPy reads it as an array of booleans or real numbers: an array,
    a number, or nested lists or tuples of them (a mask built as a list of lists of booleans works in
    A1 * D1 as the same 0/1 array does), else None."""
    if not isinstance(value, (np.ndarray, np.generic, float, int, list, tuple)):
        return None
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):   # ragged lists
        return None
    return array if array.dtype.kind in "biuf" else None


def cache_as_arrays(result, sizes, keep_prob, call):
    """{"A3_returned": array, "Z1": ..., "b3": ...} from what forward_propagation_with_dropout
    returned, as float64 arrays; fail unless it is (A3, cache) with the 14 entries of the course's
    cache, of the right shapes, and masks D1, D2 holding only 0 and 1 (bool, int or float, as arrays or
    as nested lists)."""
    __tracebackhide__ = True
    n_x, n1, n2, m = sizes
    if not isinstance(result, tuple) or len(result) != 2:
        fail(f"{call} must return the pair (A3, cache), but it returned {type(result).__name__}"
             + (f" of length {len(result)}." if isinstance(result, (tuple, list)) else "."))
    A3, cache = result
    if not isinstance(cache, (tuple, list)) or len(cache) != len(CACHE_NAMES):
        fail(f"{call} returned a cache that is not the tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)"
             + (f" (it has {len(cache)} entries)." if isinstance(cache, (tuple, list)) else "."))
    shapes = {"Z1": (n1, m), "D1": (n1, m), "A1": (n1, m), "W1": (n1, n_x), "b1": (n1, 1),
              "Z2": (n2, m), "D2": (n2, m), "A2": (n2, m), "W2": (n2, n1), "b2": (n2, 1),
              "Z3": (1, m), "A3": (1, m), "W3": (1, n2), "b3": (1, 1)}
    arrays = {}
    for name, value in [("A3_returned", A3)] + list(zip(CACHE_NAMES, cache)):
        array = _real(value)
        label = "the A3 it returned" if name == "A3_returned" else f"{name} in the cache"
        shape = shapes["A3" if name == "A3_returned" else name]
        if array is None:
            fail(f"{call} returned {label} as {type(value).__name__}, but it must be an array of numbers (a NumPy "
                 "array, or lists of numbers that NumPy reads as one).")
        if array.shape != shape:
            if name[0] == "D" and array.shape == (1, m) and n1 > 1:
                fail(f"{call} returned {name} of shape {array.shape}: one mask per example shared by every unit; "
                     f"draw one number per unit and per example, of the shape of A{name[1]}, {shape}.")
            if name[0] == "D" and array.shape in ((shape[0], 1), (shape[0],)):
                fail(f"{call} returned {name} of shape {array.shape}: one mask per unit shared by every example; "
                     f"draw one number per unit and per example, of the shape of A{name[1]}, {shape}.")
            fail(f"{call} returned {label} with shape {array.shape}, but it must have shape {shape}.")
        if not np.all(np.isfinite(array)):
            fail(f"{call} returned {label} with values that are not finite (nan or inf).")
        arrays[name] = array.astype(np.float64)
    for name in ("D1", "D2"):
        D = arrays[name]
        if not np.all((D == 0) | (D == 1)):
            if np.any(D < 0):
                why = ("it has negative values, as drawn by np.random.randn; draw uniform numbers with np.random.rand "
                       "and keep those below keep_prob")
            elif keep_prob < 1 and np.all(np.isclose(D, 0) | np.isclose(D, 1 / keep_prob)):
                why = "it holds 0 and 1 / keep_prob: keep the 0/1 mask in the cache and divide A by keep_prob"
            else:
                why = "it must say for each unit and example whether it is kept (1) or dropped (0)"
            fail(f"{call} returned a mask {name} that does not hold only 0 and 1: {why}.")
    return arrays


def _normal_cdf(x):
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def _z(observed, expected, count):
    """How many standard deviations a mean of `count` Bernoulli(expected) draws is from `expected`."""
    spread = math.sqrt(max(expected * (1 - expected), 1e-12) / count)
    return abs(observed - expected) / spread


def _agreement_z(same, rate, count):
    """How many standard deviations the share `same` of equal neighbours, over `count` neighbouring
    pairs along one axis, is from what independent Bernoulli(rate) entries give. Overlapping pairs
    (j, j+1) and (j+1, j+2) are correlated: the variance of their mean is (v + 2 c) / count, with v
    the variance of one pair's agreement and c the covariance of two overlapping ones."""
    agree = rate ** 2 + (1 - rate) ** 2
    three = rate ** 3 + (1 - rate) ** 3
    variance = agree * (1 - agree) + 2 * (three - agree ** 2)
    return abs(same - agree) / math.sqrt(max(variance, 1e-12) / count)


def mask_statistics_failure(D, keep_prob, layer, call):
    """A sentence saying how the 0/1 mask D (n, m) of a hidden layer is not drawn independently at
    rate keep_prob, or None when its rate and its independence across examples and units pass."""
    n, m = D.shape
    rate = float(D.mean())
    where = f"{call}: the mask D{layer}"
    if keep_prob < 1 and rate == 1:
        return (f"{where} keeps every unit, so there is no dropout on layer {layer}: dropout applies to both "
                "hidden layers.")
    if 0 < rate < 1:
        if m > 1:
            same = float(np.mean(D[:, 1:] == D[:, :-1]))
            if _agreement_z(same, rate, n * (m - 1)) > SIGMAS:
                return (f"{where} is not drawn independently for each example: neighbouring examples share "
                        f"{same:.1%} of their mask (one mask per unit shared by every example?); draw a mask of the "
                        f"shape of A{layer}.")
        if n > 1:
            same = float(np.mean(D[1:, :] == D[:-1, :]))
            if _agreement_z(same, rate, (n - 1) * m) > SIGMAS:
                return (f"{where} is not drawn independently for each unit: neighbouring units share {same:.1%} of "
                        f"their mask (one mask per example shared by every unit?); draw a mask of the shape of A{layer}.")
    if _z(rate, keep_prob, D.size) > SIGMAS:
        if keep_prob != 0.5 and _z(rate, 1 - keep_prob, D.size) <= SIGMAS:
            return (f"{where} keeps {rate:.1%} of the units, about 1 - keep_prob: a unit must be kept with probability "
                    f"keep_prob = {keep_prob:g} (np.random.rand(...) < keep_prob).")
        if _z(rate, _normal_cdf(keep_prob), D.size) <= SIGMAS:
            return (f"{where} keeps {rate:.1%} of the units where keep_prob = {keep_prob:g}: the numbers were drawn "
                    "with np.random.randn (normal); draw them uniformly in [0, 1) with np.random.rand.")
        return f"{where} keeps {rate:.1%} of the units, but it must keep each one with probability keep_prob = {keep_prob:g}."
    return None


def _after_relu_failure(layer, A, Z_true, D, keep_prob, where):
    """A sentence when A is not relu(Z) * D / keep_prob (naming the usual mistakes), else None."""
    right = relu(Z_true) * D / keep_prob
    if close(A, right):
        return None
    name = f"A{layer}"
    if keep_prob < 1:
        for wrong, words in (
                (relu(Z_true) * D, f"{name} is relu(Z{layer}) * D{layer}, not divided by keep_prob: inverted dropout "
                                   "divides by keep_prob so that the expected value of each activation stays the same"),
                (relu(Z_true) * D * keep_prob, f"{name} is multiplied by keep_prob where it must be divided by it "
                                               f"(A{layer} = relu(Z{layer}) * D{layer} / keep_prob)"),
                (relu(Z_true), f"{name} is relu(Z{layer}): the mask D{layer} is drawn but not applied"),
                (relu(Z_true) / keep_prob, f"{name} is relu(Z{layer}) / keep_prob: the mask D{layer} is drawn but not applied")):
            if close(A, wrong):
                return f"{where}, {words}."
    return f"{where}, {name} is not relu(Z{layer}) * D{layer} / keep_prob with the mask D{layer} of the cache."


def consistency_failure(arrays, X, parameters, keep_prob, call):
    """A sentence saying which quantity of the cache does not follow from the network and the
    student's own masks, or None when Z1 = W1 X + b1, A1 = relu(Z1) * D1 / keep_prob,
    Z2 = W2 A1 + b2, A2 = relu(Z2) * D2 / keep_prob, Z3 = W3 A2 + b3, A3 = sigmoid(Z3) (the A3 returned
    too). A Z[l] masked with D[l] (dropped entries 0) is accepted: it gives the same A[l]."""
    where = f"With keep_prob = {keep_prob:g}, {call}"
    for name in ("W1", "b1", "W2", "b2", "W3", "b3"):
        if not close(arrays[name], parameters[name], rtol=1e-6):
            return f"{where} put a {name} in the cache that is not the {name} of the parameters."
    inputs = {1: X, 2: arrays["A1"]}
    for layer in (1, 2):
        W, b, Z, D = (parameters[f"W{layer}"], parameters[f"b{layer}"], arrays[f"Z{layer}"], arrays[f"D{layer}"])
        Z_true = W @ inputs[layer] + b
        kept_right = close(Z * D, Z_true * D, floor=np.linalg.norm(Z_true))
        if not kept_right or not (close(Z, Z_true, floor=np.linalg.norm(Z_true))
                                  or close(Z * (1 - D), 0 * Z, floor=np.linalg.norm(Z_true))):
            before = "X (no dropout on the input)" if layer == 1 else "A1"
            return (f"{where} returned a Z{layer} that is not W{layer} {before} + b{layer}"
                    + (" computed from the A1 of the cache." if layer == 2 else "."))
        words = _after_relu_failure(layer, arrays[f"A{layer}"], Z_true, D, keep_prob, where)
        if words:
            return words
    Z3_true = parameters["W3"] @ arrays["A2"] + parameters["b3"]
    if not close(arrays["Z3"], Z3_true, floor=np.linalg.norm(Z3_true)):
        return f"{where} returned a Z3 that is not W3 A2 + b3 computed from the A2 of the cache."
    for name in ("A3", "A3_returned"):
        if not close(arrays[name], sigmoid(Z3_true)):
            if np.mean(arrays[name] == 0) > 0.01 or np.any(arrays[name] > 1):
                return (f"{where} drops units of the output A3: dropout applies to the hidden layers only, "
                        "never to the output layer, and A3 = sigmoid(Z3).")
            label = "returned an A3" if name == "A3_returned" else "put an A3 in the cache"
            return f"{where} {label} that is not sigmoid(Z3): dropout applies to the hidden layers only."
    return None


def _rounding_drops_allowed(entries):
    """How many of `entries` mask entries a correct forward pass may drop at keep_prob = 1: a uniform
    draw cast to float32 rounds up to 1.0 (and fails `< keep_prob`) with probability 2**-25. The bound
    uses twice that rate and leaves a correct pass a chance below 1e-12 of dropping more."""
    rate = entries * 2.0 ** -24
    allowed, term, tail = 0, math.exp(-rate), 1.0
    while True:
        tail -= term   # P(more than `allowed` drops), from the Poisson law of rare drops
        if tail < 1e-12:
            return allowed
        allowed += 1
        term *= rate / allowed


def plain_forward_failure(arrays, X, parameters, call):
    """With keep_prob = 1: None when nothing is dropped (beyond float32 rounding of the draws) and A3 is
    the plain forward pass's on every example whose units were all kept, else a sentence."""
    dropped = int(np.sum(arrays["D1"] != 1) + np.sum(arrays["D2"] != 1))
    entries = arrays["D1"].size + arrays["D2"].size
    if dropped > _rounding_drops_allowed(entries):
        return (f"With keep_prob = 1, {call} dropped units ({dropped} zeros among the {entries} entries of D1 and "
                "D2): keep_prob = 1 keeps every unit.")
    A3, _ = forward_propagation(X, parameters)
    whole = (arrays["D1"] == 1).all(axis=0) & (arrays["D2"] == 1).all(axis=0)
    if not close(arrays["A3_returned"][:, whole], A3[:, whole]):
        return (f"With keep_prob = 1, {call} returned an A3 that is not the plain forward pass's: "
                "without dropout the network must compute what forward_propagation does.")
    return None


def same_masks_failure(results, call):
    """A sentence when two calls in a row on the same inputs drew the same masks, else None."""
    if any(np.array_equal(first["D1"], second["D1"]) and np.array_equal(first["D2"], second["D2"])
           for first, second in itertools.pairwise(results)):
        return (f"{call} drew the same masks D1 and D2 on two calls: the masks must be fresh on every call, "
                "and the same mask on every call (from a seed set inside the function, for example) freezes "
                "one thinned network for all of training.")
    return None


def judge_forward(forward, X, parameters, keep_probs, call_name="forward_propagation_with_dropout", calls=2):
    """Call the student's forward pass on X for each keep_prob (`calls` times each, at least twice to
    see fresh masks; the masks' statistics are measured on all the calls together) and with
    keep_prob = 1; fail with one sentence at the first property that does not hold.

    More calls on fewer examples measure as many entries with smaller replies: under nbgrader each
    call's return value crosses the kernel proxy, where a mask built as nested lists of NumPy
    booleans travels entry by entry (about 200 bytes each) and a reply is limited to 16 MiB."""
    __tracebackhide__ = True
    sizes = (X.shape[0], parameters["W1"].shape[0], parameters["W2"].shape[0], X.shape[1])
    where = f"(n_x, n1, n2, m) = {sizes}"
    for keep_prob in keep_probs:
        call = f"{call_name}(X, parameters, keep_prob={keep_prob:g}) with {where}"
        results = [cache_as_arrays(call_student(forward, X, parameters, keep_prob, call=call), sizes, keep_prob, call)
                   for _ in range(calls)]
        for arrays in results:
            words = consistency_failure(arrays, X, parameters, keep_prob, call)
            if words:
                fail(words)
        for layer in (1, 2):
            words = mask_statistics_failure(np.concatenate([r[f"D{layer}"] for r in results], axis=1),
                                            keep_prob, layer, call)
            if words:
                fail(words)
        words = same_masks_failure(results, call)
        if words:
            fail(words)
    call = f"{call_name}(X, parameters, keep_prob=1) with {where}"
    arrays = cache_as_arrays(call_student(forward, X, parameters, 1.0, call=call), sizes, 1.0, call)
    words = consistency_failure(arrays, X, parameters, 1.0, call) or plain_forward_failure(arrays, X, parameters, call)
    if words:
        fail(words)


# The usual mistakes of a dropout backward pass: (name, sentence). How each one computes its
# gradients is in autograder/checks/dropout.py (its answers on the visible example are stored).
KNOWN_BACKWARD_MISTAKES = (
    ("not_divided", "dA2 and dA1 are multiplied by the masks but not divided by keep_prob: the forward pass divided "
                    "the kept activations by keep_prob, so their gradients must be divided by it too"),
    ("dA1_not_divided", "dA1 is multiplied by D1 but not divided by keep_prob (dA1 = dA1 * D1 / keep_prob)"),
    ("dA2_not_divided", "dA2 is multiplied by D2 but not divided by keep_prob (dA2 = dA2 * D2 / keep_prob)"),
    ("multiplied", "dA2 and dA1 are multiplied by keep_prob where they must be divided by it"),
    ("divided_twice", "dA2 and dA1 are divided by keep_prob twice"),
    ("no_dropout", "this is the backward pass without dropout: dA2 and dA1 must be multiplied by the masks of the "
                   "cache and divided by keep_prob"),
    ("masks_not_applied", "the masks are not applied: dA2 and dA1 must be multiplied by the masks D2 and D1 of the "
                          "cache (the units dropped in the forward pass get no gradient)"),
    ("D1_not_applied", "the mask D1 is not applied to dA1 (dA1 = dA1 * D1 / keep_prob)"),
    ("D2_not_applied", "the mask D2 is not applied to dA2 (dA2 = dA2 * D2 / keep_prob)"),
    ("masks_swapped", "the masks are swapped: dA2 gets D2 and dA1 gets D1, the masks of their own layers"),
)
FRESH_MASKS_IN_BACKWARD = ("gives different gradients on two calls with the same cache: it must not draw new masks, "
                           "but use the masks D1 and D2 of the cache, the units the forward pass dropped")


# --- the visible checks ---------------------------------------------------------------------------

def visible_forward_problem(m=1500):
    """The visible forward check's input: X (2, m) spread over [-1, 1]^2 without random numbers, and
    the notebook's starting parameters for [2, 20, 3, 1]."""
    index = np.arange(m)
    X = np.vstack([np.sin(0.37 * index + 0.1), np.cos(0.91 * index + 0.5)])
    return X, load_initial_parameters([2, 20, 3, 1])


def check_forward_propagation_with_dropout(forward_propagation_with_dropout):
    """Visible checks for forward_propagation_with_dropout: the masks' statistics and the cache."""
    __tracebackhide__ = True
    X, parameters = visible_forward_problem()
    judge_forward(forward_propagation_with_dropout, X, parameters, (0.7,))
    passed("D1 and D2 are fresh 0/1 masks kept at the rate keep_prob, A1, A2 and A3 follow from them, "
           "and keep_prob = 1 gives the plain forward pass.")


def stored_dropout_example():
    """The fixed cache of the visible backward check and its right gradients, from the stored values.

    Returns {keep_prob: (X, Y, cache, gradients, mistakes)}: X (3, 5), Y (1, 5), the 14-entry cache
    with fixed masks (all ones for keep_prob = 1), gradients {dW1: (4, 3), ..., db3: (1, 1)}, and
    mistakes {name of KNOWN_BACKWARD_MISTAKES: the gradients that mistake gives} (empty for keep_prob = 1).
    """
    stored = read_stored_values("dropout")
    examples = {}
    for i, keep_prob in enumerate(stored["keep_probs"]):
        group = stored["backward_propagation_with_dropout"][str(i)]
        cache = tuple(group["cache"][name] for name in CACHE_NAMES)
        examples[float(keep_prob)] = (stored["example"]["X"], stored["example"]["Y"], cache,
                                      {key: group["gradients"][key] for key in GRADIENT_KEYS},
                                      group.get("mistakes", {}))
    return examples


def _sign_words(got, right):
    return " (the opposite of the right value: a sign is flipped)" if close(got, -right) else ""


def check_backward_propagation_with_dropout(backward_propagation_with_dropout):
    """Visible checks for backward_propagation_with_dropout on a fixed cache with fixed masks."""
    __tracebackhide__ = True
    examples = stored_dropout_example()
    got = {}
    for keep_prob in sorted(examples, reverse=True):   # keep_prob = 1 first
        X, Y, cache, right, mistakes = examples[keep_prob]
        parameters = {name: cache[CACHE_NAMES.index(name)] for name in ("W1", "b1", "W2", "b2", "W3", "b3")}
        call = f"backward_propagation_with_dropout(X, Y, cache, keep_prob={keep_prob:g})"
        got = [gradients_as_arrays(call_student(backward_propagation_with_dropout, X, Y, cache, keep_prob, call=call),
                                   parameters, call) for _ in range(2)]
        if keep_prob < 1 and first_wrong_from_the_top(got[0], got[1]) is not None:
            fail(f"Your backward_propagation_with_dropout {FRESH_MASKS_IN_BACKWARD}.")
        key = first_wrong_from_the_top(got[0], right)
        if key is None:
            continue
        if keep_prob == 1:
            fail(f"With keep_prob = 1 (every mask 1) your {key} is wrong ({worst_entry(got[0][key], right[key])}"
                 f"{_sign_words(got[0][key], right[key])}): without dropout it is the ordinary gradient, and "
                 f"{where_to_look(key)}.")
        for name, sentence in KNOWN_BACKWARD_MISTAKES:
            if name in mistakes and first_wrong_from_the_top(got[0], mistakes[name]) is None:
                fail(f"With keep_prob = {keep_prob:g} your gradients are wrong although they are right with "
                     f"keep_prob = 1: {sentence}.")
        fail(f"With keep_prob = {keep_prob:g} your {key} is wrong ({worst_entry(got[0][key], right[key])}) although "
             "every gradient is right with keep_prob = 1: apply the cache's masks to dA2 and dA1 "
             "(dA = dA * D / keep_prob).")
    passed("dW1, db1, dW2, db2, dW3, db3 are right with keep_prob = 1 and with keep_prob = 0.8 on a fixed cache.")
