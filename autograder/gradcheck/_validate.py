"""Shape and dtype checks done before any numerical work."""

from collections.abc import Mapping

import numpy as np


def private_params(params):
    """
    Float64, C-contiguous private copies of the parameters.

    Inputs:
    - params: mapping name -> array-like

    Returns a tuple of:
    - copies: dict name -> float64 array (never shares memory with params)
    - problems: list of sentences about parameters that cannot be checked
    """
    if not isinstance(params, Mapping) or not params:
        raise TypeError("params must be a non-empty dict of parameter arrays, e.g. {'W1': ..., 'b1': ...}")
    copies, problems = {}, []
    for name, value in params.items():
        arr = np.asarray(value)
        if arr.dtype.kind not in "fiub":
            problems.append(f"Parameter {name} has dtype {arr.dtype}; it must hold real numbers.")
            continue
        arr = np.array(arr, dtype=np.float64, order="C", copy=True)
        if not np.all(np.isfinite(arr)):
            problems.append(f"Parameter {name} contains NaN or inf: there is no point to check the gradient at.")
        copies[name] = arr
    return copies, problems


def grad_key(name):
    """The gradient key of a parameter: 'W1' -> 'dW1'."""
    return "d" + name


def check_grads(params, grads):
    """
    Check that grads has one finite float64 block per parameter, shaped like it.

    Inputs:
    - params: dict name -> float64 array (from private_params)
    - grads: mapping "d" + name -> array; other keys are ignored

    Returns a tuple of:
    - analytic: dict name -> float64 array (the usable gradient blocks)
    - problems: dict name -> one sentence, for the blocks that are unusable
    """
    if not isinstance(grads, Mapping):
        sentence = f"grads must be a dict like {{'dW1': ..., 'db1': ...}}, not {type(grads).__name__}."
        return {}, dict.fromkeys(params, sentence)
    analytic, problems = {}, {}
    for name, theta in params.items():
        key = grad_key(name)
        if key not in grads:
            problems[name] = f"grads has no '{key}' (the gradient of {name})."
            continue
        g = np.asarray(grads[key])
        sentence = _dtype_problem(key, g) or _shape_problem(key, g.shape, name, theta.shape)
        if sentence is None:
            sentence = _finite_problem(key, g)
        if sentence:
            problems[name] = sentence
        else:
            analytic[name] = np.ascontiguousarray(g, dtype=np.float64)
    return analytic, problems


def _dtype_problem(key, g):
    """A sentence if gradient array g cannot be compared in float64, else None."""
    kind = g.dtype.kind
    if kind == "f":
        if g.dtype.itemsize < 8:
            return (f"{key} is {g.dtype}; gradient checking needs float64 ({g.dtype} keeps too few digits "
                    f"for differences of 1e-7 to mean anything): keep parameters and computations in float64.")
        return None
    if kind == "c":
        return f"{key} is complex ({g.dtype}); a gradient of a real cost must be real float64."
    if kind in "iub":
        return (f"{key} has integer dtype {g.dtype}; it must be float64 "
                f"(an integer array, e.g. from np.zeros(..., dtype=int), truncates every value).")
    return f"{key} is not a numeric array (dtype {g.dtype}); it must be a float64 array."


def _shape_problem(key, gshape, name, pshape):
    """A sentence if gshape differs from pshape (naming transposes and lost column shapes), else None."""
    if gshape == pshape:
        return None
    said = f"{key} has shape {gshape} but {name} has shape {pshape}"
    if len(pshape) == 2 and gshape == pshape[::-1]:
        return f"{said}: it is transposed (a weight gradient is dZ · A_prevᵀ / m, with the shape of {name})."
    if tuple(d for d in gshape if d != 1) == tuple(d for d in pshape if d != 1):
        return (f"{said}: same numbers, wrong shape (a bias gradient keeps its column shape: "
                f"np.sum(dZ, axis=1, keepdims=True)).")
    return f"{said}: every gradient must have exactly the shape of its parameter."


def _finite_problem(key, g):
    """A sentence if g holds NaN or inf (how many, where the first is), else None."""
    bad = ~np.isfinite(g)
    if not bad.any():
        return None
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    what = "NaN" if np.isnan(g).any() else "inf"
    return f"{key} contains {int(bad.sum())} non-finite value(s) ({what}, first at index {first})."
