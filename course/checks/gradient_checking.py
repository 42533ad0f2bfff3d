"""Visible checks of the gradient checking notebook.

They compare the student's results on one fixed example with right answers stored in
course/data/stored_values.h5 (written by autograder/stored_values.py from the reference
solutions); nothing here computes a graded answer.

Layout of the stored group gradient_checking/:
- scalars/points: (k, 2) rows (x, theta); scalars/J: (k,) theta^3 * x; scalars/dtheta: (k,) 3 theta^2 x
- example/X: (4, 3), Y: (1, 3), parameters/W1 ... b3 of [4, 5, 3, 1]
- right/dW1 ... db3: the right gradients on the example; provided/dW1 ... db3: those of the
  provided backward_propagation_n with its planted bugs
- differences/right_1e-2, right_1e-7, provided_1e-7: gradient_check_n on the example, and
  differences/mistakes/<case>/<mistake>: what each of NETWORK_MISTAKES returns there
- gradient_check/points: (k, 3) rows (x, theta, epsilon), epsilon NaN for the default; differences: (k,)
  the reference gradient_check there; mistakes/<mistake>: (k,) what each of SCALAR_MISTAKES returns
"""

import numpy as np

from course.datasets import read_stored_values

from .core import CheckFailure, call_student, fail, passed
from .gradients import first_wrong_from_the_top, gradients_as_arrays, worst_entry

# Below this, two relative differences are both round-off (and O(eps^2) at eps = 1e-7): the same answer.
ROUND_OFF = 1e-6
# Above it, two differences must agree to this relative tolerance (a difference of wrong gradients,
# or of right ones at a large epsilon, is stable to many more digits than that).
RTOL = 1e-5


# The usual wrong gradient_check_n, by name: what the student reads when their difference is the
# one that mistake gives (the stored values hold each one's difference on the fixed example).
NETWORK_MISTAKES = {
    "one_sided": "it uses the one-sided difference (J(theta + epsilon) - J(theta)) / epsilon; use the two-sided "
                 "(J(theta + epsilon) - J(theta - epsilon)) / (2 * epsilon)",
    "thetaminus_is_theta": "thetaminus is theta itself (built from thetaplus, or the same array), so it computes "
                           "(J(theta + epsilon) - J(theta)) / (2 * epsilon)",
    "missing_2": "the two-sided difference is divided by epsilon instead of 2 * epsilon",
    "precedence": "(J_plus - J_minus) / 2 * epsilon multiplies by epsilon: divide by (2 * epsilon), with the parentheses",
    "sign": "the numerical gradient has the wrong sign: it is (J_plus - J_minus) / (2 * epsilon), with J_plus at theta + epsilon",
    "all_at_once": "it perturbs every entry at once (theta + epsilon for the whole vector) instead of one entry i at a time",
    "epsilon_ignored": "it returns the same as with epsilon = 1e-7 whatever epsilon is passed: use the argument epsilon",
    "numerator_only": "it returns the numerator ||grad - gradapprox|| alone, without dividing by "
                      "||grad|| + ||gradapprox||",
    "norm_of_sum": "the denominator is the norm of the sum ||grad + gradapprox|| instead of the sum of the norms "
                   "||grad|| + ||gradapprox||",
    "no_norms": "the denominator adds the entries (np.sum(grad) + np.sum(gradapprox)) instead of their norms "
                "||grad|| + ||gradapprox||",
}


# The usual wrong gradient_check, by name (J = theta^3 * x has curvature, so each one changes the
# number at epsilon = 1e-2 or 0.1; the stored values hold what each gives at the visible points).
# A denominator ||grad + gradapprox|| is not among them: for one number and a right backward pass,
# grad and gradapprox have the same sign, and it equals |grad| + |gradapprox| (gradient_check_n
# catches it on vectors).
SCALAR_MISTAKES = {
    "one_sided": "it uses the one-sided difference (J(theta + epsilon) - J(theta)) / epsilon; use the two-sided "
                 "(J(theta + epsilon) - J(theta - epsilon)) / (2 * epsilon)",
    "thetaminus_is_theta": "J_minus is the cost at theta itself: thetaminus must be theta - epsilon",
    "missing_2": "the two-sided difference is divided by epsilon instead of 2 * epsilon",
    "precedence": "(J_plus - J_minus) / 2 * epsilon multiplies by epsilon: divide by (2 * epsilon), with the parentheses",
    "zero_or_sign": "a difference of 1 means grad and gradapprox have nothing in common: gradapprox is 0 or has the "
                    "wrong sign (thetaminus must be theta - epsilon, not thetaplus, and gradapprox is (J_plus - J_minus) "
                    "/ (2 * epsilon) with J_plus at theta + epsilon), or the denominator is not ||grad|| + ||gradapprox||",
    "epsilon_ignored": "it returns the same as with epsilon = 1e-7 whatever epsilon is passed: use the argument epsilon",
    "numerator_only": "it returns the numerator ||grad - gradapprox|| alone, without dividing by "
                      "||grad|| + ||gradapprox||",
}


def same_difference(got, want):
    """Whether two relative differences are the same answer (see ROUND_OFF and RTOL)."""
    if got < ROUND_OFF and want < ROUND_OFF:
        return True
    return bool(abs(got - want) <= RTOL * abs(want))


def number_as_float(value, call, what="the result"):
    """`value` as a float; fail unless it is one real number (a float, a NumPy scalar or a one-entry array)."""
    __tracebackhide__ = True
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.ndarray, np.generic)):
        fail(f"{call} returned {type(value).__name__}, but {what} must be a number.")
    array = np.asarray(value)
    if not (np.issubdtype(array.dtype, np.floating) or np.issubdtype(array.dtype, np.integer)):
        fail(f"{call} returned an array of {array.dtype}, but {what} must be a number.")
    if array.size != 1:
        fail(f"{call} returned an array of shape {array.shape}, but {what} must be one number.")
    number = float(array.reshape(()))
    if not np.isfinite(number):
        fail(f"{call} returned {number}, but {what} must be a finite number.")
    return number


def difference_as_float(value, call):
    """The relative difference a gradient check returned, as a float in [0, 1]."""
    __tracebackhide__ = True
    difference = number_as_float(value, call, "the relative difference")
    if difference < 0:
        fail(f"{call} returned {difference:.6g}, but a relative difference is never negative: take the norms "
             "(np.linalg.norm or abs) of grad - gradapprox, of grad and of gradapprox.")
    if not difference <= 1 + 1e-12:
        fail(f"{call} returned {difference:.6g}, but a relative difference ||a - b|| / (||a|| + ||b||) "
             "is always between 0 and 1.")
    return difference


def _stored():
    return read_stored_values("gradient_checking")


def example():
    """(X, Y, parameters, right gradients, provided gradients) of the fixed example."""
    stored = _stored()
    ex = stored["example"]
    return ex["X"], ex["Y"], ex["parameters"], stored["right"], stored["provided"]


def check_forward_propagation(forward_propagation):
    """J on the stored points."""
    __tracebackhide__ = True
    scalars = _stored()["scalars"]
    for (x, theta), want in zip(scalars["points"], scalars["J"]):
        call = f"forward_propagation(x={x:g}, theta={theta:g})"
        got = number_as_float(call_student(forward_propagation, float(x), float(theta), call=call), call, "J")
        if not np.isclose(got, want, rtol=1e-12, atol=0):
            fail(f"{call} returned {got:.6g}, but J(theta) = theta^3 * x is {want:.6g} there.")
    passed(f"J = {float(scalars['J'][0]):g} for x = {scalars['points'][0][0]:g}, theta = {scalars['points'][0][1]:g}.")


def check_backward_propagation(backward_propagation):
    """dJ/dtheta on the stored points."""
    __tracebackhide__ = True
    scalars = _stored()["scalars"]
    for (x, theta), want in zip(scalars["points"], scalars["dtheta"]):
        call = f"backward_propagation(x={x:g}, theta={theta:g})"
        got = number_as_float(call_student(backward_propagation, float(x), float(theta), call=call), call, "dtheta")
        if not np.isclose(got, want, rtol=1e-12, atol=0):
            fail(f"{call} returned {got:.6g}{derivative_hint(got, x, theta)}, but dJ/dtheta = 3 * theta^2 * x is "
                 f"{want:.6g} there.")
    passed(f"dtheta = {float(scalars['dtheta'][0]):g} for x = {scalars['points'][0][0]:g}, "
           f"theta = {scalars['points'][0][1]:g}.")


def derivative_hint(got, x, theta):
    """What a wrong dtheta is, when it is one of the usual slips (else "")."""
    for value, hint in ((theta ** 3 * x, " (that is J itself)"),
                        (x, " (that is the derivative of theta * x, not of theta^3 * x)"),
                        (theta ** 2 * x, " (the factor 3 of the power rule is missing)")):
        if np.isclose(got, value, rtol=1e-12, atol=0):
            return hint
    return ""


def _scalar_call(x, theta, epsilon):
    return f"gradient_check(x={x:g}, theta={theta:g}{'' if epsilon is None else f', epsilon={epsilon:g}'})"


def check_gradient_check(gradient_check, forward_propagation=None, backward_propagation=None):
    """gradient_check at the stored points (x, theta, epsilon), after checking that the kernel's
    forward_propagation and backward_propagation (when given) are right there."""
    __tracebackhide__ = True
    stored = _stored()
    scalars, points = stored["scalars"], stored["gradient_check"]
    for function, name, key in ((forward_propagation, "forward_propagation", "J"),
                                (backward_propagation, "backward_propagation", "dtheta")):
        if function is None:
            continue
        for (x, theta), want in zip(scalars["points"], scalars[key]):
            call = f"{name}(x={x:g}, theta={theta:g})"
            got = number_as_float(call_student(function, float(x), float(theta), call=call), call)
            if not np.isclose(got, want, rtol=1e-12, atol=0):
                # Not a failure of gradient_check: the hidden tests judge it with the kernel's own functions.
                print(f"gradient_check is not checked here: it calls your {name}, which is still wrong "
                      f"({call} returned {got:.6g}, not {want:.6g}); fix it first.")
                return
    got, calls = [], []
    for (x, theta, epsilon) in points["points"]:
        epsilon = None if np.isnan(epsilon) else float(epsilon)
        call = _scalar_call(x, theta, epsilon)
        args = (float(x), float(theta)) + (() if epsilon is None else (epsilon,))
        got.append(number_as_float(call_student(gradient_check, *args, call=call), call, "the relative difference"))
        calls.append(call)
    want = [float(value) for value in points["differences"]]
    wrong = [i for i in range(len(want)) if not same_difference(got[i], want[i])]
    if wrong:
        i = wrong[0]
        mistakes = points["mistakes"]
        known = next((SCALAR_MISTAKES[name] for name in SCALAR_MISTAKES
                      if all(same_difference(got[j], float(mistakes[name][j])) for j in range(len(want)))), None)
        if known:
            fail(f"{calls[i]} returned {got[i]:.6g}, but it should be {want[i]:.6g}: {known}.")
        for j in wrong:
            difference_as_float(got[j], calls[j])   # fails when a difference is outside [0, 1]
        what = "round-off, below 1e-7" if want[i] < ROUND_OFF else f"{want[i]:.6g}"
        fail(f"{calls[i]} returned {got[i]:.6g}, but it should be {what}: check the two-sided difference "
             "(J(theta + epsilon) - J(theta - epsilon)) / (2 * epsilon) and the formula "
             "||grad - gradapprox|| / (||grad|| + ||gradapprox||).")
    passed(f"{calls[0]} = {got[0]:.6g}, as the two-sided difference gives; round-off at the default epsilon.")


def check_gradient_check_n(gradient_check_n):
    """gradient_check_n on the stored example with the right and the provided gradients."""
    __tracebackhide__ = True
    X, Y, parameters, right, provided = example()
    differences = _stored()["differences"]
    cases = ((right, None, "the right gradients", "right_1e-7"),
             (provided, None, "the provided (buggy) gradients", "provided_1e-7"),
             (right, 1e-2, "the right gradients", "right_1e-2"))
    got, calls = {}, {}
    for gradients, epsilon, label, name in cases:
        args = (parameters, gradients, X, Y) + (() if epsilon is None else (epsilon,))
        calls[name] = (f"gradient_check_n(parameters, gradients, X, Y{'' if epsilon is None else f', epsilon={epsilon:g}'}) "
                       f"with {label}")
        got[name] = number_as_float(call_student(gradient_check_n, *args, call=calls[name]), calls[name],
                                    "the relative difference")
    wrong = [name for _, _, _, name in cases if not same_difference(got[name], float(differences[name]))]
    if wrong:
        name = wrong[0]
        call, want = calls[name], float(differences[name])
        # A known mistake is named only if it gives what the student returned in all three cases.
        known = next((NETWORK_MISTAKES[key] for key in NETWORK_MISTAKES
                      if all(same_difference(got[case], float(differences["mistakes"][case][key])) for case in got)), None)
        if known:
            fail(f"{call} returned {got[name]:.6g}, but it should be {want:.6g}: {known}.")
        for case in wrong:
            difference_as_float(got[case], calls[case])   # fails when a difference is outside [0, 1]
        if name == "right_1e-2":
            hint = ("a two-sided difference around theta, one entry at a time, gives this: is every perturbed "
                    "entry restored before the next one (a copy of theta per entry, or the entry put back)?")
        elif name == "provided_1e-7":
            hint = ("check the 2 in 2 * epsilon, the formula ||grad - gradapprox|| / (||grad|| + ||gradapprox||), "
                    "and that gradients and parameters are flattened in the same order")
        else:
            hint = ("check the two-sided difference, the formula, and that the gradients are flattened in the "
                    "order of the parameters (W1, b1, ..., b3, as gradients_to_vector does), not in the order "
                    "of the keys of the gradients dict")
        fail(f"{call} returned {got[name]:.6g}, but it should be {want:.6g}: {hint}.")
    note = gradapprox_note(gradient_check_n, parameters, right, X, Y)
    if note:
        print(note)
    passed(f"difference = {got['provided_1e-7']:.6g} with the provided gradients, at round-off level with "
           "the right ones.")


def gradapprox_note(gradient_check_n, parameters, right, X, Y):
    """A note (not a failure: the graders never need it) when return_gradapprox=True does not hand back
    the numerical gradient, which the bug hunt of the notebook takes apart; else None."""
    from course.gradient_checking import gradients_to_vector
    call = "gradient_check_n(parameters, gradients, X, Y, return_gradapprox=True)"
    try:
        result = call_student(gradient_check_n, parameters, right, X, Y, 1e-7, False, True, call=call)
    except CheckFailure as failure:
        return (f"Note: {failure.sentence} The bug hunt below calls gradient_check_n(..., return_gradapprox=True): "
                "keep the provided first and last lines.")
    want = gradients_to_vector(right)
    gradapprox = result[1] if isinstance(result, tuple) and len(result) == 2 else None
    if gradapprox is not None:
        gradapprox = np.asarray(gradapprox, dtype=np.float64)
        if gradapprox.size == want.size and np.linalg.norm(gradapprox.reshape(want.shape) - want) <= 1e-5 * np.linalg.norm(want):
            return None
    return (f"Note: {call} should return (difference, gradapprox), with the numerical gradient in gradapprox "
            "(filled entry by entry by your loop): the bug hunt below takes it apart.")


def check_backward_propagation_n(backward_propagation_n):
    """The repaired backward pass on the stored example, block by block from the top."""
    __tracebackhide__ = True
    X, Y, parameters, right, provided = example()
    from course.gradient_checking import forward_propagation_n
    _, cache = forward_propagation_n(X, Y, parameters)
    call = "backward_propagation_n(X, Y, cache)"
    got = gradients_as_arrays(call_student(backward_propagation_n, X, Y, cache, call=call), parameters, call)
    key = first_wrong_from_the_top(got, right)
    if key:
        still = " (it is still the provided, buggy value)" if np.allclose(got[key], provided[key]) else ""
        fail(f"{key} is wrong{still}: {worst_entry(got[key], right[key])}.")
    passed("dW1, db1, dW2, db2, dW3, db3 are right on the example.")
