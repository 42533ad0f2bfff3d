"""Can nothing a student imports from `course` solve a graded exercise?

The `course` package ships to students, so none of its functions may compute a graded answer on new
inputs. This is checked by an oracle that knows nothing of course's function names or signatures:
for each graded function of every assignment it draws fresh random inputs, computes the answer with
the reference solution (autograder/solutions), then calls every public callable of every module of
`course` with every arrangement of those inputs (and of the sizes a helper might take instead, such
as m), and looks for the answer in what comes back. A solver that returns under another name, with
its arguments in another order or inside a tuple, is found all the same.
"""

import contextlib
import copy
import importlib
import inspect
import io
import itertools
import pkgutil
import types
import warnings

import matplotlib
import numpy as np
import pytest

import course
from autograder.solutions import dropout as dropout_reference
from autograder.solutions import gradient_checking as gc_reference
from autograder.solutions import initialization as init_reference
from autograder.solutions import regularization as reg_reference
from course.checks.gradients import GRADIENT_KEYS
from course.network import forward_propagation

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # after choosing a backend that opens no window

# Fresh floats that agree to this relative tolerance are the same answer computed another way.
RTOL = 1e-9


# --- every public callable of the course package ----------------------------------------------------

def course_modules():
    """Every module of the `course` package, imported (students can import each of them)."""
    names = [info.name for info in pkgutil.walk_packages(course.__path__, prefix="course.")]
    return [course] + [importlib.import_module(name) for name in sorted(names)]


def public_callables(modules):
    """(qualified name, callable) for every public callable of `modules`, each once: module-level
    callables, the functions of classes defined there, and callables kept in module-level dicts,
    lists and tuples (a table of helpers hides a solver as well as a name does)."""
    found, seen = [], set()

    def add(name, value):
        if callable(value) and id(value) not in seen:
            seen.add(id(value))
            found.append((name, value))

    for module in modules:
        for name, value in sorted(vars(module).items()):
            if name.startswith("_"):
                continue
            where = f"{module.__name__}.{name}"
            add(where, value)
            if isinstance(value, type) and value.__module__ == module.__name__:
                for attribute, member in sorted(vars(value).items()):
                    if not attribute.startswith("_") and isinstance(member, (types.FunctionType, staticmethod)):
                        add(f"{where}.{attribute}", getattr(value, attribute))
            elif isinstance(value, dict):
                for key, item in value.items():
                    add(f"{where}[{key!r}]", item)
            elif isinstance(value, (list, tuple)):
                for index, item in enumerate(value):
                    add(f"{where}[{index}]", item)
    return found


def arrangements(function, pool):
    """Every ordered choice of argument names from `pool` that the signature of `function` can take
    positionally (at least one argument: a callable that takes none cannot see the fresh inputs)."""
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):   # no signature (some builtins): try every length
        lengths = range(1, len(pool) + 1)
    else:
        positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        required = sum(p.default is p.empty for p in positional)
        most = len(pool) if any(p.kind is p.VAR_POSITIONAL for p in parameters) else min(len(positional), len(pool))
        lengths = range(max(required, 1), most + 1)
    for k in lengths:
        yield from itertools.permutations(pool, k)


def call_quietly(function, args):
    """function(*args) on copies of the arguments, with its output, warnings and errors swallowed;
    returns what it returned, or None if it raised."""
    # Short array reprs: helpers that describe their arguments would otherwise spend the run printing.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
            warnings.catch_warnings(), np.errstate(all="ignore"), np.printoptions(threshold=4, edgeitems=1):
        warnings.simplefilter("ignore")
        try:
            return function(*copy.deepcopy(args))
        except (Exception, SystemExit):  # most arrangements are nonsense, and may fail in any way
            return None


def arrays_in(value, depth=2):
    """Every number or array inside `value` (itself, dict values, list or tuple items), as float64
    arrays, looking `depth` containers deep."""
    if isinstance(value, (np.ndarray, np.generic, float, int)) and not isinstance(value, (bool, np.bool_)):
        array = np.asarray(value)
        if np.issubdtype(array.dtype, np.number):
            yield array.astype(np.float64)
    elif depth > 0 and isinstance(value, dict):
        for item in value.values():
            yield from arrays_in(item, depth - 1)
    elif depth > 0 and isinstance(value, (list, tuple)):
        for item in value:
            yield from arrays_in(item, depth - 1)


def holds(result, want):
    """Whether an array equal to `want` (same shape, RTOL) is somewhere in `result`."""
    return any(got.shape == np.shape(want) and np.allclose(got, want, rtol=RTOL, atol=0)
               for got in arrays_in(result))


# --- the graded functions: fresh inputs, and what counts as handing out the answer -----------------

def regularization_problem(rng):
    """Fresh inputs of both regularization functions, with non-square layers and lambd > 0 (with
    lambd = 0 the answers are those of the provided compute_cost and backward_propagation, which
    students are meant to reuse).

    Returns a dict: X (n_x, m), Y (1, m), parameters W1 (n1, n_x) ... b3 (1, 1), A3 (1, m), cache,
    lambd, and m, the number of examples, which a helper might take instead of Y.
    """
    n_x, n1, n2, m = (int(n) for n in rng.choice(np.arange(2, 16), size=4, replace=False))
    sizes = (n_x, n1, n2, 1)
    parameters = {}
    for l in (1, 2, 3):
        parameters[f"W{l}"] = rng.standard_normal((sizes[l], sizes[l - 1])) * np.sqrt(2 / sizes[l - 1])
        parameters[f"b{l}"] = rng.standard_normal((sizes[l], 1)) * 0.3
    X = rng.standard_normal((n_x, m))
    Y = rng.permutation(np.arange(m) % 2).reshape(1, m)
    A3, cache = forward_propagation(X, parameters)
    return {"X": X, "Y": Y, "parameters": parameters, "A3": A3, "cache": cache,
            "lambd": float(rng.uniform(0.3, 3.0)), "m": m}


def cost_oracle(rng):
    """(pool of inputs, solves(result)) for compute_cost_with_regularization.

    The answer is the regularized cost; its L2 part alone counts too, since the cross-entropy part
    is the provided compute_cost(A3, Y).
    """
    problem = regularization_problem(rng)
    pool = {key: problem[key] for key in ("A3", "Y", "parameters", "lambd", "m")}
    arguments = (problem["A3"], problem["Y"], problem["parameters"])
    cost = reg_reference.compute_cost_with_regularization(*arguments, problem["lambd"])
    l2_part = cost - reg_reference.compute_cost_with_regularization(*arguments, 0.0)
    return pool, lambda result: holds(result, cost) or holds(result, l2_part)


def gradients_oracle(rng):
    """(pool of inputs, solves(result)) for backward_propagation_with_regularization: the answer is
    all six blocks dW1 ... db3 of the regularized gradients, whatever holds them."""
    problem = regularization_problem(rng)
    pool = {key: problem[key] for key in ("X", "Y", "cache", "parameters", "lambd", "m")}
    right = reg_reference.backward_propagation_with_regularization(
        problem["X"], problem["Y"], problem["cache"], problem["lambd"])
    return pool, lambda result: all(holds(result, right[key]) for key in GRADIENT_KEYS)


def dropout_forward_oracle(rng):
    """(pool of inputs, solves(result)) for forward_propagation_with_dropout: the masks are random,
    so a result solves the exercise if it holds the first hidden layer's activations after inverted
    dropout, relu(Z1) * D1 / keep_prob for a 0/1 mask D1 that keeps some active units and drops others."""
    problem = regularization_problem(rng)
    keep_prob = float(rng.uniform(0.4, 0.9))
    parameters = problem["parameters"]
    # Enough examples that some active unit is dropped and some kept whatever the sizes drawn (with
    # n1 = m = 2, a fixed draw kept every active unit about 7 times in 100, and a solver went unseen).
    X = rng.standard_normal((parameters["W1"].shape[1], 200))
    active = np.maximum(0, parameters["W1"] @ X + parameters["b1"])
    pool = {"X": X, "parameters": parameters, "keep_prob": keep_prob, "m": X.shape[1]}

    def solves(result):
        for got in arrays_in(result):
            if got.shape == active.shape:
                kept = np.isclose(got, active / keep_prob, rtol=RTOL, atol=0) & (active > 0)
                dropped = (got == 0) & (active > 0)
                if np.all(kept | dropped | ((active == 0) & (got == 0))) and kept.any() and dropped.any():
                    return True
        return False
    return pool, solves


def dropout_backward_oracle(rng):
    """(pool of inputs, solves(result)) for backward_propagation_with_dropout: the answer is all six
    blocks dW1 ... db3 of the gradients on a dropout cache with fresh masks, whatever holds them."""
    problem = regularization_problem(rng)
    keep_prob = float(rng.uniform(0.4, 0.9))
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = problem["cache"]
    X = problem["X"]
    D1 = (rng.random(Z1.shape) < keep_prob).astype(float)
    A1 = np.maximum(0, Z1) * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    D2 = (rng.random(Z2.shape) < keep_prob).astype(float)
    A2 = np.maximum(0, Z2) * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, 1 / (1 + np.exp(-Z3)), W3, b3)
    pool = {"X": X, "Y": problem["Y"], "cache": cache, "keep_prob": keep_prob, "m": problem["m"]}
    right = dropout_reference.backward_propagation_with_dropout(X, problem["Y"], cache, keep_prob)
    return pool, lambda result: all(holds(result, right[key]) for key in GRADIENT_KEYS)


def initializer_oracle(name, required_std):
    """An oracle (rng -> (pool, solves(result))) for an initialization function.

    The input is a fresh architecture wide enough to measure a standard deviation. A result solves
    the exercise if it is the parameters dict for that architecture and either equals what the
    reference draws after np.random.seed(SEED) (every candidate is called right after that seed
    too), or has zero biases and weights whose standard deviation is within 15 % of
    required_std(n[l-1]), as an initializer that draws its numbers in another way has.
    """
    reference = getattr(init_reference, name)

    def oracle(rng):
        layers_dims = [int(n) for n in rng.integers(40, 120, size=int(rng.integers(3, 6)))]
        keys = sorted(f"{kind}{l}" for l in range(1, len(layers_dims)) for kind in ("W", "b"))
        np.random.seed(SEED)
        seeded = reference(list(layers_dims))

        def solves(result):
            if not (isinstance(result, dict) and sorted(result) == keys
                    and all(isinstance(result[k], np.ndarray) and result[k].shape == seeded[k].shape for k in keys)):
                return False
            if all(np.array_equal(result[k], seeded[k]) for k in keys):
                return True
            return all(not np.any(result[f"b{l}"])
                       and abs(np.std(result[f"W{l}"]) - required_std(layers_dims[l - 1]))
                       <= 0.15 * required_std(layers_dims[l - 1])
                       for l in range(1, len(layers_dims)))

        return {"layers_dims": layers_dims}, solves
    return oracle


def gradient_checking_problem(rng):
    """Fresh inputs of the [4, 5, 3, 1] network: X (4, m), Y (1, m), parameters, cache, and
    gradients that are wrong in one block (so the difference is far from round-off)."""
    from course.gradient_checking import LAYERS_DIMS, forward_propagation_n

    m = int(rng.integers(3, 7))
    parameters = {key: rng.standard_normal((LAYERS_DIMS[l], LAYERS_DIMS[l - 1]) if key[0] == "W" else (LAYERS_DIMS[l], 1))
                  for l in (1, 2, 3) for key in (f"W{l}", f"b{l}")}
    X, Y = rng.standard_normal((4, m)), (rng.permutation(m) % 2).reshape(1, m)
    _, cache = forward_propagation_n(X, Y, parameters)
    gradients = gc_reference.backward_propagation_n(X, Y, cache)
    gradients = {**gradients, "dW2": gradients["dW2"] * float(rng.uniform(1.2, 2.0))}
    return {"X": X, "Y": Y, "parameters": parameters, "cache": cache, "gradients": gradients}


def forward_oracle(rng):
    """(pool, solves) for forward_propagation: J = theta^3 * x on fresh non-integer numbers."""
    x, theta = float(rng.uniform(1.1, 3.9)), float(rng.uniform(-3.9, -1.1))
    return {"x": x, "theta": theta}, lambda result: holds(result, theta ** 3 * x)


def backward_oracle(rng):
    """(pool, solves) for backward_propagation: dJ/dtheta = 3 theta^2 x on fresh non-integer numbers."""
    x, theta = float(rng.uniform(1.1, 3.9)), float(rng.uniform(-3.9, -1.1))
    return {"x": x, "theta": theta}, lambda result: holds(result, 3 * theta ** 2 * x)


def gradient_check_oracle(rng):
    """(pool, solves) for gradient_check: the relative difference of J = theta^3 * x at a large
    epsilon (its O(epsilon^2) error, far above round-off)."""
    x, theta, epsilon = float(rng.uniform(1.1, 3.9)), float(rng.uniform(-1.9, -0.6)), float(rng.uniform(0.05, 0.2))
    want = gc_reference.gradient_check(x, theta, epsilon)
    return ({"x": x, "theta": theta, "epsilon": epsilon},
            lambda result: any(got.shape in ((), (1,), (1, 1)) and np.allclose(got, want, rtol=1e-6, atol=0)
                               for got in arrays_in(result)))


def gradient_check_n_oracle(rng):
    """(pool, solves) for gradient_check_n: the relative difference of gradients wrong in dW2
    (stable to many digits, so 1e-6 relative tells the answer from anything else)."""
    problem = gradient_checking_problem(rng)
    pool = {key: problem[key] for key in ("parameters", "gradients", "X", "Y")}
    want = gc_reference.gradient_check_n(*pool.values())
    return pool, lambda result: any(got.shape in ((), (1,), (1, 1)) and np.allclose(got, want, rtol=1e-6, atol=0)
                                    for got in arrays_in(result))


def backward_n_oracle(rng):
    """(pool, solves) for backward_propagation_n: every block of the right gradients (the provided,
    buggy backward pass gets dW1, db1 and db2 wrong)."""
    problem = gradient_checking_problem(rng)
    right = gc_reference.backward_propagation_n(problem["X"], problem["Y"], problem["cache"])
    return ({key: problem[key] for key in ("X", "Y", "cache")},
            lambda result: all(holds(result, right[key]) for key in GRADIENT_KEYS))


# Every candidate is called right after np.random.seed(SEED), so an initializer that draws from
# np.random as the reference does returns exactly the reference's parameters.
SEED = 20240601

ORACLES = {
    "compute_cost_with_regularization": cost_oracle,
    "backward_propagation_with_regularization": gradients_oracle,
    "forward_propagation_with_dropout": dropout_forward_oracle,
    "backward_propagation_with_dropout": dropout_backward_oracle,
    "initialize_parameters_zeros": initializer_oracle("initialize_parameters_zeros", lambda n_prev: 0.0),
    "initialize_parameters_random": initializer_oracle("initialize_parameters_random", lambda n_prev: 10.0),
    "initialize_parameters_he": initializer_oracle("initialize_parameters_he", lambda n_prev: np.sqrt(2 / n_prev)),
    "forward_propagation": forward_oracle,
    "backward_propagation": backward_oracle,
    "gradient_check": gradient_check_oracle,
    "gradient_check_n": gradient_check_n_oracle,
    "backward_propagation_n": backward_n_oracle,
}


def solvers(modules, graded, rng):
    """Every "name(arguments)" of a public callable of `modules` that returns the answer of the
    graded function `graded` on fresh inputs drawn from `rng` (one arrangement per callable)."""
    state = np.random.get_state()   # seeding below must not make the rest of the suite deterministic
    try:
        pool, solves = ORACLES[graded](rng)
        found = []
        for name, function in public_callables(modules):
            for chosen in arrangements(function, pool):
                np.random.seed(SEED)
                if solves(call_quietly(function, tuple(pool[key] for key in chosen))):
                    found.append(f"{name}({', '.join(chosen)})")
                    break
            # Plotting helpers draw on the current axes: one figure per callable, not per call, is faster.
            plt.close("all")
        return found
    finally:
        np.random.set_state(state)


@pytest.mark.parametrize("graded", ORACLES)
def test_can_no_public_callable_of_course_compute_this_graded_answer(graded):
    seed = np.random.SeedSequence().entropy
    found = solvers(course_modules(), graded, np.random.default_rng(seed))
    assert found == [], f"{graded} can be computed by importing {', '.join(found)} (inputs from seed {seed})"


# Solvers as they once were in course/ (l2_cost, regularized_gradients, initialize_parameters), and
# others that hide better: other names, other argument orders, answers inside tuples, other draws.
PLANTED_SOURCE = '''
import numpy as np
from course.network import backward_propagation

def l2_cost(parameters, lambd, m):
    return lambd / (2 * m) * sum(float(np.sum(np.square(parameters[f"W{l}"]))) for l in (1, 2, 3))

def regularized_gradients(X, Y, cache, lambd):
    m = X.shape[1]
    gradients = backward_propagation(X, Y, cache)
    weights = {"W1": cache[2], "W2": cache[6], "W3": cache[10]}
    return {key: gradients[key] + (lambd / m * weights[key[1:]] if key[1] == "W" else 0)
            for key in ("dW1", "db1", "dW2", "db2", "dW3", "db3")}

def initialize_parameters(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters

def summary(Y, lambd, A3, weights):
    from course.network import compute_cost
    m = Y.shape[1]
    penalty = lambd / (2 * m) * sum(np.sum(weights[k] ** 2) for k in ("W1", "W2", "W3"))
    return "report", (compute_cost(A3, Y) + penalty, m)

def blocks(cache, lambd, Y, X):
    g = backward_propagation(X, Y, cache)
    m = Y.shape[1]
    return (g["dW1"] + lambd / m * cache[2], g["db1"], g["dW2"] + lambd / m * cache[6], g["db2"],
            g["dW3"] + lambd / m * cache[10], g["db3"])

def fan_in_scaled(sizes):
    rng = np.random.default_rng()
    return {key: value for l in range(1, len(sizes)) for key, value in (
        (f"W{l}", rng.normal(0, np.sqrt(2 / sizes[l - 1]), (sizes[l], sizes[l - 1]))),
        (f"b{l}", np.zeros((sizes[l], 1))))}

def large(sizes):
    return {key: value for l in range(1, len(sizes)) for key, value in (
        (f"W{l}", np.random.default_rng().standard_normal((sizes[l], sizes[l - 1])) * 10),
        (f"b{l}", np.zeros((sizes[l], 1))))}

def blank(sizes):
    return {key: np.zeros(shape) for l in range(1, len(sizes))
            for key, shape in ((f"W{l}", (sizes[l], sizes[l - 1])), (f"b{l}", (sizes[l], 1)))}

class Helpers:
    @staticmethod
    def scaled(dims):
        return {key: value for l in range(1, len(dims)) for key, value in (
            (f"W{l}", np.random.randn(dims[l], dims[l - 1]) * 10), (f"b{l}", np.zeros((dims[l], 1))))}

def thinned(parameters, X, keep_prob):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    D1 = np.random.rand(*Z1.shape) < keep_prob
    return {"A1": np.maximum(0, Z1) * D1 / keep_prob, "D1": D1}

def dropout_gradients(cache, X, Y, keep_prob):
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    m = X.shape[1]
    dZ3 = A3 - Y
    dZ2 = (W3.T @ dZ3) * D2 / keep_prob * (Z2 > 0)
    dZ1 = (W2.T @ dZ2) * D1 / keep_prob * (Z1 > 0)
    return [(dZ @ A.T / m, dZ.sum(axis=1, keepdims=True) / m) for dZ, A in ((dZ1, X), (dZ2, A1), (dZ3, A2))]

TABLE = {"penalty": lambda W, lambd, m: lambd / (2 * m) * sum(np.sum(W[k] ** 2) for k in ("W1", "W2", "W3"))}
'''


@pytest.fixture(scope="module")
def planted():
    module = types.ModuleType("planted")
    exec(compile(PLANTED_SOURCE, "planted.py", "exec"), vars(module))  # the test fixture source above
    return module


@pytest.mark.parametrize("graded, planted_solvers", [
    ("compute_cost_with_regularization", ["planted.TABLE['penalty'](parameters, lambd, m)",
                                          "planted.l2_cost(parameters, lambd, m)",
                                          "planted.summary(Y, lambd, A3, parameters)"]),
    ("backward_propagation_with_regularization", ["planted.blocks(cache, lambd, Y, X)",
                                                  "planted.regularized_gradients(X, Y, cache, lambd)"]),
    ("forward_propagation_with_dropout", ["planted.thinned(parameters, X, keep_prob)"]),
    ("backward_propagation_with_dropout", ["planted.dropout_gradients(cache, X, Y, keep_prob)"]),
    ("initialize_parameters_zeros", ["planted.blank(layers_dims)"]),
    ("initialize_parameters_random", ["planted.Helpers.scaled(layers_dims)", "planted.large(layers_dims)"]),
    ("initialize_parameters_he", ["planted.fan_in_scaled(layers_dims)", "planted.initialize_parameters(layers_dims)"]),
])
def test_does_the_oracle_find_exactly_the_planted_solvers_whatever_their_names_and_argument_orders(
        planted, graded, planted_solvers):
    assert solvers([planted], graded, np.random.default_rng()) == planted_solvers


def test_does_the_oracle_let_the_provided_cost_and_backward_pass_through():
    # compute_cost and backward_propagation are the scaffolding the exercises build on: with
    # lambd > 0 they are not the answer, and the oracle must not flag them.
    from course import network
    rng = np.random.default_rng()
    assert solvers([network], "compute_cost_with_regularization", rng) == []
    assert solvers([network], "backward_propagation_with_regularization", rng) == []


@pytest.mark.parametrize("graded, found", [
    ("forward_propagation", "autograder.solutions.gradient_checking.forward_propagation(x, theta)"),
    ("backward_propagation", "autograder.solutions.gradient_checking.backward_propagation(x, theta)"),
    ("gradient_check", "autograder.solutions.gradient_checking.gradient_check(x, theta, epsilon)"),
    ("gradient_check_n", "autograder.solutions.gradient_checking.gradient_check_n(parameters, gradients, X, Y)"),
    ("backward_propagation_n", "autograder.solutions.gradient_checking.backward_propagation_n(X, Y, cache)"),
])
def test_does_the_oracle_find_the_gradient_checking_reference_but_not_the_provided_code(graded, found):
    from course import gradient_checking as provided
    assert found in solvers([gc_reference], graded, np.random.default_rng())
    assert solvers([provided], graded, np.random.default_rng()) == []
