"""Hidden tests of the gradient checking assignment.

- forward_propagation, backward_propagation: J = theta^3 * x and dJ/dtheta = 3 theta^2 x on fresh
  random points.
- gradient_check, gradient_check_n: compared with the reference (autograder/solutions) on fresh
  random points and networks, with the right and with wrong gradients, at several epsilon. Both run
  in the student's kernel with the kernel's own forward pass (the provided forward_propagation_n,
  the student's forward_propagation), so the problems are chosen to make every known bug change
  the returned number:
  - epsilon = 1e-2 on the smooth [4, 5, 3, 1] network: a two-sided difference is then O(eps^2),
    about 1e-5, a one-sided one O(eps), about 1e-3 (one-sided, thetaminus equal to theta, ...);
    perturbed entries that are not put back move every later evaluation by about
    eps * sqrt(n) and change the numerical gradient at 1e-3;
  - wrong gradients (one block scaled, the planted bugs) make the difference large and stable to
    many digits, so a wrong numerator or denominator, a missing 2 or entries flattened in another
    order than the parameters' change it beyond any round-off;
  - the gradients dict comes with its keys in the order backward_propagation_n returns them
    (dZ3, dW3, db3, dA2, ...), and in a scrambled order, so flattening `gradients` by its own key
    order instead of W1, b1, ..., b3 is caught.
  Tolerance: when both the reference's difference and the student's are below 1e-6 (round-off and
  O(eps^2) at eps = 1e-7, where two correct implementations differ in their last digits) they are
  the same answer; otherwise they must agree to a relative 1e-5.
  gradient_check is judged on fresh points at the default epsilon, 1e-2 and 0.1, against the formula
  applied to the kernel's own forward_propagation and backward_propagation: J = theta^3 * x has
  curvature, so a one-sided difference, a missing 2, a hard-coded epsilon or the numerator alone
  change the number, and x < 0 makes a denominator without norms negative.
- backward_propagation_n: the gradient-check harness (autograder.gradcheck) block by block on fresh
  networks, then the reference; a remaining bug fails with the harness's sentence naming the block.
"""

import numpy as np

from autograder.checks import hidden_tests_passed
from autograder.gradcheck import gradcheck
from autograder.solutions import gradient_checking as reference
from course.checks import call_student, fail
from course.checks.gradient_checking import (
    NETWORK_MISTAKES,
    SCALAR_MISTAKES,
    derivative_hint,
    difference_as_float,
    number_as_float,
    same_difference,
)
from course.checks.gradients import first_wrong_from_the_top, gradients_as_arrays, worst_entry
from course.gradient_checking import (
    LAYERS_DIMS,
    dictionary_to_vector,
    forward_propagation_n,
    gradients_to_vector,
    vector_to_dictionary,
)

SCALARS_EPSILONS = (None, 1e-2, 1e-1)            # None: the default argument
NETWORK_EPSILONS = (None, 1e-2, 1e-4)
EXAMPLES = (3, 1, 5)                             # m of each random problem
ROUND_OFF = 1e-6
RTOL = 1e-5


# --- the one-dimensional functions -------------------------------------------------------------------

def random_points(rng):
    """Four fresh (x, theta): x and theta of both signs, |x| in [0.5, 3], |theta| in [0.5, 2] (so that
    at epsilon = 1e-2 the two-sided difference, epsilon^2 / (6 theta^2) relative, is far above round-off)."""
    return [(float(sx * rng.uniform(0.5, 3.0)), float(st * rng.uniform(0.5, 2.0)))
            for sx, st in ((1, 1), (-1, 1), (1, -1), (-1, -1))]


def grade_forward_propagation(forward_propagation, rng=None):
    """J = theta^3 * x on fresh points."""
    __tracebackhide__ = True
    rng = np.random.default_rng() if rng is None else rng
    for x, theta in random_points(rng):
        call = f"forward_propagation(x={x:.6g}, theta={theta:.6g})"
        got = number_as_float(call_student(forward_propagation, x, theta, call=call), call, "J")
        want = reference.forward_propagation(x, theta)
        if not np.isclose(got, want, rtol=1e-12, atol=0):
            fail(f"{call} returned {got:.6g}, but J = theta^3 * x = {want:.6g}.")
    hidden_tests_passed()


def grade_backward_propagation(backward_propagation, rng=None):
    """dJ/dtheta = 3 theta^2 x on fresh points."""
    __tracebackhide__ = True
    rng = np.random.default_rng() if rng is None else rng
    for x, theta in random_points(rng):
        call = f"backward_propagation(x={x:.6g}, theta={theta:.6g})"
        got = number_as_float(call_student(backward_propagation, x, theta, call=call), call, "dtheta")
        want = reference.backward_propagation(x, theta)
        if not np.isclose(got, want, rtol=1e-12, atol=0):
            hint = derivative_hint(got, x, theta)
            fail(f"{call} returned {got:.6g}{hint}, but dJ/dtheta = 3 * theta^2 * x = {want:.6g}.")
    hidden_tests_passed()


def _number(function, *args, call):
    __tracebackhide__ = True
    return number_as_float(call_student(function, *args, call=call), call)


def scalar_differences(J, dJ, x, theta, epsilon):
    """(right, {mistake: difference}) of gradient_check at one point, from the costs J(x, .) and the
    derivative dJ(x, theta) it is computed with (SCALAR_MISTAKES names the mistakes)."""
    g = dJ(x, theta)
    J_plus, J_minus, J_0 = J(x, theta + epsilon), J(x, theta - epsilon), J(x, theta)
    two_sided = (J_plus - J_minus) / (2 * epsilon)

    def rel(approx):
        return float(abs(g - approx) / (abs(g) + abs(approx)))
    default = (J(x, theta + 1e-7) - J(x, theta - 1e-7)) / 2e-7
    return rel(two_sided), {
        "one_sided": rel((J_plus - J_0) / epsilon),
        "thetaminus_is_theta": rel((J_plus - J_0) / (2 * epsilon)),
        "missing_2": rel(2 * two_sided),
        "precedence": rel(two_sided * epsilon ** 2),
        "zero_or_sign": 1.0,
        "epsilon_ignored": rel(default),
        "numerator_only": float(abs(g - two_sided)),
    }


def grade_gradient_check(gradient_check, forward_propagation=None, backward_propagation=None, rng=None):
    """The relative difference on fresh points and epsilon, computed from the kernel's own
    forward_propagation and backward_propagation when given (so a mistake there costs no point here),
    else from the reference's."""
    __tracebackhide__ = True
    rng = np.random.default_rng() if rng is None else rng
    if forward_propagation is None or backward_propagation is None:
        J, dJ = reference.forward_propagation, reference.backward_propagation
    else:
        def J(x, theta):
            return _number(forward_propagation, x, theta, call=f"forward_propagation(x={x:.6g}, theta={theta:.6g})")

        def dJ(x, theta):
            return _number(backward_propagation, x, theta, call=f"backward_propagation(x={x:.6g}, theta={theta:.6g})")
    calls = []   # (call, got, want, mistakes)
    for x, theta in random_points(rng):
        for epsilon in SCALARS_EPSILONS:
            args = (x, theta) if epsilon is None else (x, theta, epsilon)
            shown = "" if epsilon is None else f", epsilon={epsilon:g}"
            call = f"gradient_check(x={x:.6g}, theta={theta:.6g}{shown})"
            got = number_as_float(call_student(gradient_check, *args, call=call), call, "the relative difference")
            want, mistakes = scalar_differences(J, dJ, x, theta, 1e-7 if epsilon is None else epsilon)
            calls.append((call, got, want, mistakes))
    wrong = [c for c in calls if not same_difference(c[1], c[2])]
    if not wrong:
        hidden_tests_passed()
        return
    call, got, want, _ = wrong[0]
    # A mistake is named only if it gives what the student returned on every call.
    known = [name for name in SCALAR_MISTAKES if all(same_difference(c[1], c[3][name]) for c in calls)]
    if known:
        fail(f"{call} returned {got:.6g} where the relative difference is {_shown(want)}: {SCALAR_MISTAKES[known[0]]}.")
    for c in wrong:
        difference_as_float(c[1], c[0])   # fails when a difference is outside [0, 1]
    fail(f"{call} returned {got:.6g}, but the relative difference ||grad - gradapprox|| / "
         f"(||grad|| + ||gradapprox||) with the two-sided gradapprox is {_shown(want)} there.")


def _shown(difference):
    """A difference as a student compares it: round-off is not printed by its digits."""
    return "round-off (below 1e-7)" if difference < ROUND_OFF else f"{difference:.3g}"


# --- the N-dimensional check ---------------------------------------------------------------------------

def random_network_problem(m, rng):
    """X: (4, m), Y: (1, m) of both classes when m > 1, parameters of [4, 5, 3, 1] with entries of
    about 1 (weights and biases), the right gradients and wrong ones."""
    parameters = {}
    for l in range(1, len(LAYERS_DIMS)):
        parameters[f"W{l}"] = rng.standard_normal((LAYERS_DIMS[l], LAYERS_DIMS[l - 1])) * 0.9
        parameters[f"b{l}"] = rng.standard_normal((LAYERS_DIMS[l], 1)) * 0.5
    X = rng.standard_normal((4, m))
    Y = (rng.permutation(np.arange(m)) % 2).reshape(1, m).astype(np.int64)
    _, cache = forward_propagation_n(X, Y, parameters)
    right = reference.backward_propagation_n(X, Y, cache)
    return {"X": X, "Y": Y, "parameters": parameters, "right": right, "m": m}


def gradient_variants(problem, rng):
    """(label, gradients dict) the check is called with: the right gradients in backward's key order,
    the right ones with the keys scrambled, one block wrong by a factor, and a sign flipped in a block."""
    right = problem["right"]
    scrambled_keys = ["db3", "dW1", "db2", "dW3", "db1", "dW2"]
    one_block = dict(right)
    key = rng.choice(["dW1", "dW2", "db2", "dW3"])
    one_block[key] = right[key] * 1.5
    flipped = {k: right[k] for k in reversed(list(right))}
    flipped["db1"] = -right["db1"]
    return [("the right gradients", right),
            ("the right gradients (keys in another order)", {k: right[k] for k in scrambled_keys}),
            (f"{key} 1.5 times too large", one_block),
            ("db1 with the wrong sign", flipped)]


def _numeric(parameters, X, Y, epsilon, step):
    """Numerical gradient vector with a given differencing rule `step(J, theta, i) -> value`."""
    theta, _ = dictionary_to_vector(parameters)

    def J(vector):
        return forward_propagation_n(X, Y, vector_to_dictionary(vector))[0]
    return np.array([[step(J, theta, i, epsilon)] for i in range(theta.shape[0])])


def _shifted(theta, i, delta):
    moved = np.copy(theta)
    moved[i] += delta
    return moved


def network_variants(problem, gradients, epsilon, names=None):
    """{mistake: difference} of the usual wrong gradient_check_n (NETWORK_MISTAKES) for one call;
    `names` limits the work to those mistakes."""
    names = set(NETWORK_MISTAKES if names is None else names)
    X, Y, parameters = problem["X"], problem["Y"], problem["parameters"]
    grad = gradients_to_vector(gradients)
    norm = np.linalg.norm

    def rel(approx):
        return float(norm(grad - approx) / (norm(grad) + norm(approx)))

    def two_sided(e):
        return _numeric(parameters, X, Y, e, lambda J, t, i, e: (J(_shifted(t, i, e)) - J(_shifted(t, i, -e))) / (2 * e))

    def one_sided():
        return _numeric(parameters, X, Y, epsilon, lambda J, t, i, e: (J(_shifted(t, i, e)) - J(t)) / e)

    def all_at_once():
        theta, _ = dictionary_to_vector(parameters)
        J = lambda vector: forward_propagation_n(X, Y, vector_to_dictionary(vector))[0]   # noqa: E731
        return (J(theta + epsilon) - J(theta - epsilon)) / (2 * epsilon) * np.ones_like(theta)

    right = two_sided(epsilon) if names - {"one_sided", "thetaminus_is_theta", "all_at_once", "epsilon_ignored"} else None
    formulas = {
        "one_sided": lambda: rel(one_sided()),
        "thetaminus_is_theta": lambda: rel(one_sided() / 2),
        "missing_2": lambda: rel(2 * right),
        "precedence": lambda: rel(right * epsilon ** 2),
        "sign": lambda: rel(-right),
        "all_at_once": lambda: rel(all_at_once()),
        "epsilon_ignored": lambda: rel(two_sided(1e-7)),
        "numerator_only": lambda: float(norm(grad - right)),
        "norm_of_sum": lambda: float(norm(grad - right) / norm(grad + right)),
        "no_norms": lambda: float(norm(grad - right) / (np.sum(grad) + np.sum(right))),
    }
    return {name: formulas[name]() for name in NETWORK_MISTAKES if name in names}


# Not among NETWORK_MISTAKES (the visible check hints at it from its own example): its number
# depends on every earlier entry, so only a replay of the same steps names it on every draw.
NOT_RESTORED = ("each perturbed entry is left at theta - epsilon instead of being restored (put back) before "
                "the next one, so every later evaluation is off; perturb a copy of theta per entry")


def _unrestored_difference(problem, gradients, epsilon):
    """The difference of the two-sided check that moves each entry to +epsilon, then -epsilon, in
    place and never puts it back, with the same floating-point steps as that code."""
    X, Y = problem["X"], problem["Y"]
    theta, _ = dictionary_to_vector(problem["parameters"])
    theta = np.array(theta, dtype=float)
    grad = gradients_to_vector(gradients)
    approx = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        theta[i] += epsilon
        J_plus = forward_propagation_n(X, Y, vector_to_dictionary(theta))[0]
        theta[i] -= 2 * epsilon
        J_minus = forward_propagation_n(X, Y, vector_to_dictionary(theta))[0]
        approx[i] = (J_plus - J_minus) / (2 * epsilon)
    return float(np.linalg.norm(grad - approx) / (np.linalg.norm(grad) + np.linalg.norm(approx)))


def _call_check_n(gradient_check_n, problem, gradients, epsilon, label):
    __tracebackhide__ = True
    args = (problem["parameters"], gradients, problem["X"], problem["Y"])
    if epsilon is not None:
        args += (epsilon,)
    call = (f"gradient_check_n(parameters, gradients, X, Y{'' if epsilon is None else f', epsilon={epsilon:g}'}) "
            f"with m = {problem['m']} and {label}")
    # Any number for now: a known mistake is named first, even one that leaves [0, 1].
    return call, number_as_float(call_student(gradient_check_n, *args, call=call), call, "the relative difference")


def grade_gradient_check_n(gradient_check_n, rng=None):
    """The reference's difference on fresh networks, several gradients and several epsilon."""
    __tracebackhide__ = True
    rng = np.random.default_rng() if rng is None else rng
    calls = []   # (call, got, want, problem, gradients, epsilon, label) of every call
    for m in EXAMPLES:
        problem = random_network_problem(m, rng)
        for label, gradients in gradient_variants(problem, rng):
            for epsilon in NETWORK_EPSILONS:
                call, got = _call_check_n(gradient_check_n, problem, gradients, epsilon, label)
                step = 1e-7 if epsilon is None else epsilon
                want = reference.gradient_check_n(problem["parameters"], gradients, problem["X"], problem["Y"], step)
                calls.append((call, got, want, problem, gradients, step, label))
    wrong = [c for c in calls if not same_difference(c[1], c[2])]
    if not wrong:
        hidden_tests_passed()
        return
    call, got, want, _, _, step, label = wrong[0]
    # A known mistake is named only if it gives what the student returned on every call: several
    # mistakes give the same number on one call (1/3 for a missing 2 and for thetaminus = theta).
    candidates = list(NETWORK_MISTAKES)
    for _, got_c, _, problem, gradients, step_c, _ in calls:
        variants = network_variants(problem, gradients, step_c, candidates)
        candidates = [name for name in candidates if same_difference(got_c, variants[name])]
        if not candidates:
            break
    if candidates:
        fail(f"{call} returned {got:.6g} where the relative difference is {want:.6g}: {NETWORK_MISTAKES[candidates[0]]}.")
    if all(same_difference(got_c, _unrestored_difference(problem, gradients, step_c))
           for _, got_c, _, problem, gradients, step_c, _ in calls):
        fail(f"{call} returned {got:.6g} where the relative difference is {want:.6g}: {NOT_RESTORED}.")
    for c in wrong:
        difference_as_float(c[1], c[0])   # fails when a difference is outside [0, 1]
    fail(f"{call} returned {got:.6g}, but the relative difference is {want:.6g}: {_hint_n(wrong)}")


# Below this, two differences at the default epsilon both say the gradients agree (see _hint_n).
DRIFT_AT_DEFAULT = 1e-5


def _hint_n(wrong):
    """Where to look, from the calls that went wrong: (call, got, want, problem, gradients, epsilon, label)."""
    step, label = wrong[0][5], wrong[0][6]
    # Right at the default 1e-7 (or off only among differences that small), wrong at the larger
    # epsilon: the points the cost is evaluated at are off. An entry left unrestored moves theta by
    # 1e-7 per entry at the default, which can lift a 1e-7 difference just past ROUND_OFF.
    if any(c[5] > 1e-7 for c in wrong) and all(c[5] > 1e-7 or max(c[1], c[2]) < DRIFT_AT_DEFAULT for c in wrong):
        return (f"with epsilon = {step:g} a two-sided difference from theta, one entry at a time, is this close; "
                "check that each perturbed entry is restored (put back) before the next one, and that "
                "J(theta + epsilon) and J(theta - epsilon) are both evaluated at theta moved by one entry only.")
    if "other order" in label:
        return ("flatten the gradients in the same order as the parameters (W1, b1, W2, b2, W3, b3, with "
                "gradients_to_vector), not in the order of the keys of the gradients dict.")
    return ("check the order in which parameters and gradients are flattened (dictionary_to_vector and "
            "gradients_to_vector), and the formula ||grad - gradapprox|| / (||grad|| + ||gradapprox||).")


# --- the repaired backward pass --------------------------------------------------------------------------

GRADCHECK_PROBLEMS = (4, 2, 7)


def _cost(X, Y):
    def cost(parameters):
        return forward_propagation_n(X, Y, parameters)[0]
    return cost


def grade_backward_propagation_n(backward_propagation_n, rng=None):
    """The harness on fresh networks, block by block, then the reference to a tight tolerance."""
    __tracebackhide__ = True
    rng = np.random.default_rng() if rng is None else rng
    for m in GRADCHECK_PROBLEMS:
        problem = random_network_problem(m, rng)
        X, Y, parameters = problem["X"], problem["Y"], problem["parameters"]
        _, cache = forward_propagation_n(X, Y, parameters)
        call = f"backward_propagation_n(X, Y, cache) with m = {m}"
        gradients = gradients_as_arrays(call_student(backward_propagation_n, X, Y, cache, call=call), parameters, call)
        # tanh hidden layers and no dropout: the diagnosis names the tanh derivative, never a mask.
        report = gradcheck(_cost(X, Y), parameters, gradients, m=m, keep_prob=1, activation="tanh")
        if not report.ok:
            fail(f"The gradient check of {call} fails: {report.one_sentence()}")
        key = first_wrong_from_the_top(gradients, problem["right"])
        if key:
            fail(f"With {call}, {key} is wrong ({worst_entry(gradients[key], problem['right'][key])}).")
    hidden_tests_passed()
