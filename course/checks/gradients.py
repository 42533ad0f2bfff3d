"""The gradients of the course's 3-layer network: their keys, how a student's dict of them is read, and
how two of them are compared. Shared by the visible checks of every notebook with a backward pass
(regularization, dropout, gradient checking) and by the hidden tests."""

import numpy as np

from .core import fail

LAYERS = (1, 2, 3)
GRADIENT_KEYS = tuple(f"d{kind}{l}" for l in LAYERS for kind in ("W", "b"))
# Relative tolerance of a comparison with the exact value: far above the round-off of a correct
# answer computed in float64 or float32, far below the effect of any mistake in a formula.
RTOL = 1e-5
# The same for a gradient block. Computed in float32, a small block whose terms cancel (db3, the mean
# of A3 - Y) keeps their round-off: up to 3e-5 of the block over 270,000 blocks of fresh problems.
# Every mistake in the catalogue is off by more than 0.4 in some block of every hidden draw.
GRADIENT_RTOL = 1e-3

def real_array(value):
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
        array = real_array(value)
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



def close(got, want, floor=0.0, rtol=RTOL):
    """Whether two arrays (or numbers) agree to rtol relative to the size of `want`, or of `floor`
    when that is larger (a gradient block that nearly cancels is compared on the scale of them all)."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    return bool(np.linalg.norm(got - want) <= rtol * max(np.linalg.norm(want), floor, 1e-12))


def worst_entry(got, want):
    """'entry (i, j) is a where it should be b' for the entry that differs most."""
    index = np.unravel_index(int(np.argmax(np.abs(got - want))), got.shape)
    return f"entry {tuple(int(i) for i in index)} is {got[index]:.8g} where it should be {want[index]:.8g}"



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
