"""Do the checks shared by visible and hidden tests keep student code from fooling or zeroing them?"""

import contextlib
import io
import re
import warnings

import numpy as np
import pytest

from course.checks import CheckFailure, call_student, check_parameters_contract


def test_does_a_printing_and_warning_function_write_nothing_to_stderr():
    def noisy(layers_dims):
        import sys
        print("debug", layers_dims)
        print("to stderr", file=sys.stderr)
        np.log(np.zeros(1))
        warnings.warn("careful", stacklevel=1)
        return 42

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        assert call_student(noisy, [2, 1]) == 42
    assert stderr.getvalue() == ""
    assert "debug [2, 1]" in stdout.getvalue() and "to stderr" in stdout.getvalue()
    assert "RuntimeWarning" in stdout.getvalue() and "careful" in stdout.getvalue()


def test_can_a_function_that_mutates_its_argument_not_change_the_checkers_copy():
    dims = [4, 3, 1]
    call_student(lambda layers_dims: layers_dims.pop(), dims)
    assert dims == [4, 3, 1]


def test_does_an_exception_become_one_sentence_that_keeps_the_students_traceback():
    def broken(layers_dims):
        return layers_dims[10]

    with pytest.raises(CheckFailure) as failure:
        call_student(broken, [2, 1])
    assert failure.value.sentence == "broken([2, 1]) raised IndexError (list index out of range)."
    assert isinstance(failure.value.__cause__, IndexError)


@pytest.mark.parametrize("parameters, message", [
    ([], "returned list, but it must return a dict"),
    ({"W1": np.zeros((3, 2))}, "is missing b1"),
    ({"W1": np.zeros((3, 2)), "b1": np.zeros((3, 1)), "W0": 1}, "has unexpected keys W0"),
    ({"W1": [[0.0] * 2] * 3, "b1": np.zeros((3, 1))}, "returned W1 as list"),
    ({"W1": np.zeros((3, 2), dtype=int), "b1": np.zeros((3, 1))}, "W1 with dtype int64"),
    ({"W1": np.zeros((2, 3)), "b1": np.zeros((3, 1))}, "W1 with shape (2, 3), but it must have shape (n[1], n[0]) = (3, 2) "
                                                      "(it looks transposed)"),
    ({"W1": np.zeros((3, 2)), "b1": np.zeros(3)}, "b1 with shape (3,), but it must have shape (n[1], 1) = (3, 1)"),
    ({"W1": np.full((3, 2), np.nan), "b1": np.zeros((3, 1))}, "not finite"),
    ({"W1": np.zeros((3, 2)), "b1": np.ones((3, 1))}, "b1 with nonzero entries, but this assignment asks for "
                                                     "biases that start at zero"),
])
def test_does_the_contract_name_the_first_problem(parameters, message):
    with pytest.raises(CheckFailure) as failure:
        check_parameters_contract(parameters, [2, 3], "init([2, 3])")
    assert message in failure.value.sentence


def test_does_a_well_formed_float32_dict_pass_the_contract():
    check_parameters_contract({"W1": np.ones((3, 2), np.float32), "b1": np.zeros((3, 1), np.float32)}, [2, 3])


def test_is_a_mistake_indistinguishable_from_the_required_scale_never_named():
    from course.checks import wrong_scale_message

    mistakes = [(1.0, "the He scale itself"), (1.02, "a look-alike formula"), (0.5, "half the scale")]
    close = wrong_scale_message("init(d)", "W1", 1.045, 1.0, "1", mistakes, tolerance=0.03)
    assert close == "init(d) returned W1 with standard deviation 1.045, but it must be 1."
    far = wrong_scale_message("init(d)", "W1", 0.51, 1.0, "1", mistakes, tolerance=0.03)
    assert far.endswith("; 0.51 is half the scale.")


def test_does_a_call_description_replace_the_arrays_in_messages():
    def broken(X):
        raise ValueError("shapes do not match")

    with pytest.raises(CheckFailure) as failure:
        call_student(broken, np.zeros((50, 50)), call="broken(X) with m = 50")
    assert failure.value.sentence == "broken(X) with m = 50 raised ValueError (shapes do not match)."


def test_does_the_visible_example_exercise_every_unit_of_the_network():
    # A dead unit (never active) or a layer where every unit is active would hide a wrong ReLU
    # derivative from the visible checks.
    from course.checks.regularization import deterministic_problem

    problem = deterministic_problem()
    for A in (problem["cache"][1], problem["cache"][5]):
        assert np.all(np.any(A > 0, axis=1)) and np.any(A == 0)
    assert 0 < problem["Y"].mean() < 1 and np.all(problem["parameters"]["b1"] != 0)


def test_is_a_single_entry_gradient_accepted_whatever_its_shape_and_a_bias_row_refused():
    from course.checks.gradients import GRADIENT_KEYS, gradients_as_arrays

    parameters = {"W1": np.ones((4, 2)), "b1": np.ones((4, 1)), "W2": np.ones((3, 4)), "b2": np.ones((3, 1)),
                  "W3": np.ones((1, 3)), "b3": np.ones((1, 1))}
    gradients = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    for db3 in (0.5, np.float32(0.5), np.array(0.5), np.array([0.5])):
        arrays = gradients_as_arrays({**gradients, "db3": db3}, parameters, "f(X, Y, cache, lambd)")
        assert arrays["db3"].shape == (1, 1) and set(arrays) == set(GRADIENT_KEYS)
    with pytest.raises(CheckFailure) as failure:
        gradients_as_arrays({**gradients, "db1": np.zeros(4)}, parameters, "f(X, Y, cache, lambd)")
    assert "db1 with shape (4,), but it must have the shape of b1, (4, 1): keep" in failure.value.sentence


def test_does_the_visible_check_report_an_off_centre_draw_as_a_wrong_mean_not_a_wrong_scale():
    from course.checks import check_initialize_parameters_random

    def uniform_times_10(layers_dims):
        return {key: value for l in range(1, len(layers_dims)) for key, value in (
            (f"W{l}", np.random.rand(layers_dims[l], layers_dims[l - 1]) * 10), (f"b{l}", np.zeros((layers_dims[l], 1))))}

    with contextlib.redirect_stdout(io.StringIO()), pytest.raises(CheckFailure) as failure:
        check_initialize_parameters_random(uniform_times_10)
    assert re.search(r"returned W1 with mean (4\.9|5)", failure.value.sentence)


@pytest.mark.parametrize("function_name, case_name", [("initialize_parameters_he", "bug_he_uniform"),
                                                     ("initialize_parameters_random", "bug_symmetric_uniform_matching_std")])
def test_does_the_visible_check_reject_uniform_draws_of_the_right_spread_as_not_normal(function_name, case_name):
    # Uniform draws with the right standard deviation used to pass the visible check and fail only
    # the hidden test; the statistics are far enough apart to say so on every draw.
    from autograder.catalogue.loader import load_cases
    from course import checks

    case = next(case for case in load_cases("initialization")
                if case.function_name == function_name and case.name == case_name)
    check, function = getattr(checks, f"check_{function_name}"), case.load()
    for _ in range(20):
        with contextlib.redirect_stdout(io.StringIO()), pytest.raises(CheckFailure) as failure:
            check(function)
        message = failure.value.sentence
        assert "W1 whose values look uniform" in message and "normal (Gaussian) distribution" in message, message


def test_does_the_normality_test_leave_correct_draws_many_standard_errors_inside_and_uniform_far_outside():
    # The visible check measures W1 (300 x 400) and W2 (200 x 300); the hidden test at least 2000 entries.
    from course.checks.initialization import normality_tolerances

    uniform_kurtosis, uniform_within_one_std = -1.2, 1 / np.sqrt(3)
    for n in (2000, 12_000, 60_000, 120_000):
        kurtosis_tolerance, within_tolerance = normality_tolerances(n)
        # A normal sample's kurtosis and fraction within one std have these standard errors.
        assert kurtosis_tolerance >= 8 * np.sqrt(24 / n)
        assert within_tolerance >= 6 * np.sqrt(0.6827 * 0.3173 / n)
        # A uniform sample's own statistics vary far less than these margins.
        assert abs(uniform_kurtosis) > kurtosis_tolerance + 0.3
        assert abs(uniform_within_one_std - 0.6827) > within_tolerance + 0.03


def test_are_float32_and_seeded_normal_draws_accepted_by_the_normality_test():
    from course.checks.initialization import check_weights_look_normal

    rng = np.random.default_rng(0)
    for W in (rng.standard_normal((300, 400)).astype(np.float32), 10 * rng.standard_normal((200, 300)),
              rng.normal(0, 0.07, (64, 256))):
        check_weights_look_normal("init(d)", "W1", W)
    with pytest.raises(CheckFailure) as failure:
        check_weights_look_normal("init(d)", "W2", rng.uniform(-1, 1, (200, 300)))
    assert re.match(r"init\(d\) returned W2 whose values look uniform \(57\.\d % lie within", failure.value.sentence)
    with pytest.raises(CheckFailure) as failure:
        check_weights_look_normal("init(d)", "W1", rng.laplace(0, 1, (300, 400)))
    assert "look not bell-shaped" in failure.value.sentence


def test_does_the_hidden_he_test_catch_code_that_is_right_only_on_the_architecture_its_messages_name():
    from autograder.checks.initialization import grade_initialize_parameters_he

    def special_cased(layers_dims):
        # Right on [784, 256, 64, 10], 10 % too wide elsewhere.
        factor = 2 if list(layers_dims) == [784, 256, 64, 10] else 2.42
        return {key: value for l in range(1, len(layers_dims)) for key, value in (
            (f"W{l}", np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(factor / layers_dims[l - 1])),
            (f"b{l}", np.zeros((layers_dims[l], 1))))}

    with contextlib.redirect_stdout(io.StringIO()), pytest.raises(CheckFailure) as failure:
        grade_initialize_parameters_he(special_cased)
    assert "standard deviation" in failure.value.sentence


def test_is_the_wide_architecture_drawn_afresh_with_fan_ins_far_from_fan_outs():
    from autograder.checks.initialization import statistics_architecture

    drawn = [statistics_architecture(np.random.default_rng(seed)) for seed in range(200)]
    assert len({tuple(dims) for dims in drawn}) > 150
    for dims in drawn:
        assert dims[0] * dims[1] > 160_000 and dims[1] * dims[2] > 12_000
        assert all(dims[l] < 0.5 * dims[l - 1] for l in range(1, 4))


def test_is_a_float32_backward_whose_db3_keeps_its_round_off_accepted():
    # On this hidden problem db3 = mean(A3 - Y) nearly cancels, and a float32 computation of it is
    # off by more than 1e-5 of itself: a correct style that was once rejected.
    from autograder.catalogue.loader import load_cases
    from autograder.checks.regularization import random_problem
    from autograder.solutions import regularization as reference
    from course.checks.gradients import RTOL, close, first_wrong_from_the_top

    case = next(case for case in load_cases("regularization") if case.name == "float32_pipeline")
    namespace = {}
    exec(case.path.read_text(), namespace)
    problem = random_problem(4, 7, 1, 4, np.random.default_rng(1246))
    args = problem["X"], problem["Y"], problem["cache"], 0.0
    got = {key: np.asarray(value, dtype=np.float64) for key, value in namespace[case.function_name](*args).items()}
    right = reference.backward_propagation_with_regularization(*args)
    assert not close(got["db3"], right["db3"], rtol=RTOL), "the round-off this test is about"
    assert first_wrong_from_the_top(got, right) is None


def test_is_a_float32_answer_whose_db3_nearly_cancels_accepted_while_real_db3_bugs_are_not():
    """db3 is the mean of dZ3: when it nearly cancels, a correct float32 answer keeps round-off far
    above 1e-5 of db3 itself (about one hidden-test draw in 2000 used to be rejected)."""
    import numpy as np

    from autograder.checks import regularization as hidden
    from autograder.checks.gradients import ROUND_OFF_DIFFERENCE, equal_up_to_float32
    from autograder.solutions import regularization as reference

    problem = hidden.random_problem(2, 20, 3, 7, np.random.default_rng(5))
    right = reference.backward_propagation_with_regularization(problem["X"], problem["Y"], problem["cache"], 0.7)
    right["db3"] = np.array([[1e-6]])   # a dZ3 whose mean nearly cancels
    student = {key: value.astype(np.float32) for key, value in right.items()}
    student["db3"] = np.array([[1e-6 + 3e-8]])   # float32 round-off of a sum of terms of size ~0.3
    assert abs(student["db3"] - right["db3"]).item() / 2e-6 > ROUND_OFF_DIFFERENCE
    assert equal_up_to_float32(student, right)
    m = problem["X"].shape[1]
    assert not equal_up_to_float32(dict(right, db3=right["db3"] * m), right)
    assert not equal_up_to_float32(dict(right, dW1=right["dW1"] - 0.7 / m * problem["parameters"]["W1"]), right)


LONG_SENTENCE = ("With n_x = 3, n1 = 4, n2 = 2, m = 17, lambd = 0.7, dW2 is wrong: its worst entry is -0.0123456 "
                 "where the right value is 0.0456789, and the difference is exactly the L2 term (lambd/m) * W2, "
                 "so the L2 term is missing from dW2.")


def test_does_nbgrader_validate_print_a_long_failure_whole():
    from nbgrader.validator import Validator

    failure = CheckFailure(LONG_SENTENCE)
    # What IPython puts in the notebook and `nbgrader validate` prints, line by line, cut at its width.
    printed = Validator()._indent(f"CheckFailure: {failure}")
    assert not any(line.endswith("...") for line in printed.splitlines()), printed
    assert " ".join(printed.split()) == f"CheckFailure: {LONG_SENTENCE}"
    assert failure.sentence == LONG_SENTENCE


def test_is_a_failure_sentence_kept_on_one_line_for_the_score_table():
    import nbformat

    from autograder.grading.scores import failure_reason

    cell = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "error", ename="CheckFailure", evalue=str(CheckFailure(LONG_SENTENCE)), traceback=[])])
    assert failure_reason(cell) == f"CheckFailure: {LONG_SENTENCE}"


def test_is_an_unrestored_entry_named_even_when_its_drift_lifts_a_tiny_default_difference_past_round_off():
    # Seen on one fresh draw in CI: at epsilon 1e-7 the drift of an entry left unrestored turned a
    # 5e-7 difference into 1.2e-6, just past ROUND_OFF, so the call counted as wrong there too.
    from autograder.checks.gradient_checking import _hint_n

    at_default = ("gradient_check_n(...)", 1.2e-6, 5e-7, None, None, 1e-7, "the right gradients")
    at_larger = ("gradient_check_n(..., epsilon=0.01)", 0.00958, 4.56e-5, None, None, 0.01, "the right gradients")
    assert "restored" in _hint_n([at_larger, at_default])
    # Wrong by far at the default epsilon: not a matter of where the cost is evaluated.
    assert "restored" not in _hint_n([at_larger, ("gradient_check_n(...)", 0.3, 5e-7, None, None, 1e-7, "")])


def test_does_the_visible_check_note_a_gradient_check_n_that_hides_gradapprox_without_failing_it(capsys):
    # The graders never need return_gradapprox; the bug hunt of the notebook does, so a check that
    # drops it (or returns zeros in it) passes with a note.
    from autograder.solutions import gradient_checking as reference
    from course.checks.gradient_checking import check_gradient_check_n

    def without_the_option(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
        return reference.gradient_check_n(parameters, gradients, X, Y, epsilon)

    def zeros_in_gradapprox(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False, return_gradapprox=False):
        difference = reference.gradient_check_n(parameters, gradients, X, Y, epsilon)
        return (difference, np.zeros((47, 1))) if return_gradapprox else difference

    for function in (without_the_option, zeros_in_gradapprox):
        check_gradient_check_n(function)
        printed = capsys.readouterr().out
        assert "Note: " in printed and "return_gradapprox" in printed and "\u2714" in printed
    check_gradient_check_n(reference.gradient_check_n)
    assert "Note" not in capsys.readouterr().out


def test_is_the_small_fan_in_architecture_drawn_afresh_where_no_known_wrong_scale_equals_he():
    from autograder.checks.initialization import SMALL_FAN_IN_DIMS_RANGES, _relative_tolerance, statistics_architecture
    from course.checks.initialization import common_scale_mistakes

    drawn = [statistics_architecture(np.random.default_rng(seed), SMALL_FAN_IN_DIMS_RANGES) for seed in range(100)]
    assert len({tuple(dims) for dims in drawn}) > 50
    for dims in drawn:
        assert dims[0] <= 7 and dims[2] <= 7 and dims[1] > 300 * dims[0] and dims[3] > 300 * dims[2]
        for l in (1, 3):
            he = np.sqrt(2 / dims[l - 1])
            wrong = [std for std, text in common_scale_mistakes(dims, l) if not text.endswith("the He scale")]
            # Twice the tolerance apart: no draw can be both close enough to He and to the mistake.
            tolerance = _relative_tolerance(dims[l] * dims[l - 1])
            assert min(abs(std / he - 1) for std in wrong) > 2 * tolerance, (dims, l)


def _right_only_on_small_batches(right, wrong, examples):
    """A function that answers like `right` while `examples(*args)` <= 40, like `wrong` above."""
    def answer(*args):
        return right(*args) if examples(*args) <= 40 else wrong(*args)
    return answer


def test_do_the_l2_and_dropout_hidden_tests_try_the_notebooks_own_training_set_size():
    # The notebooks train on 211 examples; an answer right only on small problems must not pass.
    from autograder.checks.dropout import grade_backward_propagation_with_dropout
    from autograder.checks.regularization import (
        grade_backward_propagation_with_regularization,
        grade_compute_cost_with_regularization,
    )
    from autograder.solutions import dropout, regularization
    from course.network import compute_cost

    def m_of(X_or_A3, *_):
        return X_or_A3.shape[1]

    cases = [
        (grade_compute_cost_with_regularization, _right_only_on_small_batches(
            regularization.compute_cost_with_regularization, lambda A3, Y, parameters, lambd: compute_cost(A3, Y), m_of)),
        (grade_backward_propagation_with_regularization, _right_only_on_small_batches(
            regularization.backward_propagation_with_regularization,
            lambda X, Y, cache, lambd: regularization.backward_propagation_with_regularization(X, Y, cache, 0.0), m_of)),
        (grade_backward_propagation_with_dropout, _right_only_on_small_batches(
            dropout.backward_propagation_with_dropout,
            lambda X, Y, cache, keep_prob: dropout.backward_propagation_with_dropout(X, Y, cache, 1.0), m_of)),
    ]
    for grade, answer in cases:
        with contextlib.redirect_stdout(io.StringIO()), pytest.raises(CheckFailure) as failure:
            grade(answer)
        assert "m = 211" in failure.value.sentence, failure.value.sentence


def _float32_forward_whose_draws_round_up_to_one(monkeypatch, per_draw):
    """The catalogue's float32 dropout forward pass, with `per_draw` of each np.random.rand draw at
    1 - 2**-30: float32 rounds those to 1.0, so `< keep_prob` drops them even when keep_prob = 1."""
    from autograder.catalogue.loader import load_cases

    case = next(case for case in load_cases("dropout")
                if case.function_name == "forward_propagation_with_dropout" and case.name == "float32_pipeline")
    uniform = np.random.rand

    def rand(*shape):
        draws = uniform(*shape)
        draws.flat[:per_draw] = 1 - 2.0 ** -30
        return draws

    monkeypatch.setattr(np.random, "rand", rand)
    return case.load()


def test_is_a_float32_mask_whose_draw_rounds_up_to_one_accepted_at_keep_prob_1(monkeypatch):
    # float32(u) is 1.0 for u >= 1 - 2**-25, so a float32 draw drops a unit at keep_prob = 1 about
    # once in 33 million entries: a correct style that was once rejected in about one grading in 500.
    from autograder.checks.dropout import grade_forward_propagation_with_dropout
    from course.checks import check_forward_propagation_with_dropout

    forward = _float32_forward_whose_draws_round_up_to_one(monkeypatch, per_draw=1)
    _, cache = forward(np.ones((2, 3)), {f"{p}{l}": np.ones((1, 2) if l == 1 and p == "W" else (1, 1))
                                         for p in "Wb" for l in (1, 2, 3)}, keep_prob=1.0)
    assert not cache[1].all(), "the rounding this test is about"
    with contextlib.redirect_stdout(io.StringIO()):
        grade_forward_propagation_with_dropout(forward)
        check_forward_propagation_with_dropout(forward)


def test_is_a_forward_pass_that_drops_more_than_rounding_can_at_keep_prob_1_rejected(monkeypatch):
    from autograder.checks.dropout import grade_forward_propagation_with_dropout

    forward = _float32_forward_whose_draws_round_up_to_one(monkeypatch, per_draw=20)
    with contextlib.redirect_stdout(io.StringIO()), pytest.raises(CheckFailure) as failure:
        grade_forward_propagation_with_dropout(forward)
    assert "keep_prob = 1 keeps every unit" in failure.value.sentence, failure.value.sentence
