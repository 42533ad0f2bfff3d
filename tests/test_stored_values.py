"""Are the stored values the visible checks compare with what the generator makes from the reference?"""

import os
import subprocess
import sys

import h5py
import numpy as np
import pytest

from autograder import stored_values
from autograder.nbgrader_course import REPO_ROOT
from course.datasets import STORED_VALUES, available_datasets, read_stored_values
from tests.blas import other_blas_kernel


def flatten(group, prefix=""):
    """{path: array} of every dataset under an open HDF5 group."""
    items = {}
    for key, value in group.items():
        if isinstance(value, h5py.Group):
            items.update(flatten(value, f"{prefix}{key}/"))
        else:
            items[f"{prefix}{key}"] = value[()]
    return items


def same_up_to_round_off(path, got, want):
    """Whether a shipped value equals a fresh one up to what another CPU or BLAS build can change.

    A value computed by a fixed sequence of operations may differ in its last bits: compared to
    1e-12 of the largest entry of its array (an entry near zero takes the round-off of its
    neighbours' scale). The relative differences of gradient checks divide the round-off of J by
    epsilon (1e-7), which turns the last bits into the 6th digit of a round-off-sized difference:
    they are compared as the visible check compares a student's difference with them.
    """
    from course.checks.gradient_checking import same_difference

    if path.startswith("gradient_checking/differences/"):
        return same_difference(float(got), float(want))
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    known = ~np.isnan(want)   # nan marks a mistake's value that is not known for that lambd
    if not np.array_equal(np.isnan(got), ~known):
        return False
    scale = np.max(np.abs(want[known]), initial=0.0)
    return bool(np.all(np.abs(got[known] - want[known]) <= 1e-12 * scale))


def test_does_the_shipped_file_equal_a_fresh_run_of_the_generator(tmp_path):
    fresh = stored_values.write(tmp_path / "stored_values.h5")
    with h5py.File(fresh) as regenerated, h5py.File(STORED_VALUES) as shipped:
        want, got = flatten(regenerated), flatten(shipped)
        assert sorted(got) == sorted(want), "the same groups and datasets"
        for path in want:
            assert (got[path].shape, got[path].dtype) == (want[path].shape, want[path].dtype), path
        assert [path for path in want if not same_up_to_round_off(path, got[path], want[path])] == []
        assert shipped.attrs["description"] == regenerated.attrs["description"]


@pytest.mark.slow
def test_does_a_generator_run_on_another_blas_kernel_equal_the_shipped_file(tmp_path):
    # What a fresh machine with another CPU or BLAS build does to the test above.
    fresh = tmp_path / "stored_values.h5"
    subprocess.run([sys.executable, "-c", f"from autograder import stored_values; stored_values.write({str(fresh)!r})"],
                   cwd=REPO_ROOT, env={**os.environ, **other_blas_kernel()}, check=True)
    with h5py.File(fresh) as regenerated, h5py.File(STORED_VALUES) as shipped:
        want, got = flatten(regenerated), flatten(shipped)
        assert [path for path in want if not same_up_to_round_off(path, got[path], want[path])] == []


def test_does_the_comparison_tell_a_stale_value_from_round_off():
    assert same_up_to_round_off("dropout/l2_model/b1", np.array([0.7, 1e-4 + 1e-15]), np.array([0.7, 1e-4]))
    assert not same_up_to_round_off("dropout/l2_model/b1", np.array([0.7, 1.0001e-4]), np.array([0.7, 1e-4]))
    assert same_up_to_round_off("regularization/x", np.array([np.nan, 2.0]), np.array([np.nan, 2.0]))
    assert not same_up_to_round_off("regularization/x", np.array([1.0, 2.0]), np.array([np.nan, 2.0]))
    # Round-off-sized differences of right gradients are the same answer; a wrong one's 6th digit is not.
    assert same_up_to_round_off("gradient_checking/differences/right_1e-7", 2.4e-9, 2.3e-9)
    assert same_up_to_round_off("gradient_checking/differences/provided_1e-7", 0.24986801, 0.249868)
    assert not same_up_to_round_off("gradient_checking/differences/provided_1e-7", 0.2501, 0.249868)
    assert not same_up_to_round_off("gradient_checking/differences/right_1e-7", 2e-5, 2.3e-9)


def test_are_the_stored_answers_the_reference_solutions_on_the_stored_example():
    from autograder.solutions import regularization as reference
    from course.checks.gradients import GRADIENT_KEYS
    from course.checks.regularization import VISIBLE_LAMBDAS, deterministic_problem, stored_answers

    problem = deterministic_problem()
    costs, gradients = stored_answers()
    assert sorted(costs) == sorted(gradients) == sorted(VISIBLE_LAMBDAS)
    for lambd in VISIBLE_LAMBDAS:
        cost = reference.compute_cost_with_regularization(problem["A3"], problem["Y"], problem["parameters"], lambd)
        np.testing.assert_allclose(costs[lambd], cost, rtol=1e-12)
        right = reference.backward_propagation_with_regularization(problem["X"], problem["Y"], problem["cache"], lambd)
        for key in GRADIENT_KEYS:
            np.testing.assert_allclose(gradients[lambd][key], right[key], rtol=1e-12, atol=1e-15,
                                       err_msg=f"{key}, lambd = {lambd}")


def test_do_the_stored_answers_change_with_lambd_where_the_l2_term_does():
    # Otherwise the visible checks could not tell a missing L2 term from a right one.
    from course.checks.regularization import stored_answers

    costs, gradients = stored_answers()
    assert costs[0.0] < costs[0.7] < costs[2.0]
    for key in ("dW1", "dW2", "dW3"):
        assert not np.allclose(gradients[0.0][key], gradients[0.7][key])
    for key in ("db1", "db2", "db3"):
        np.testing.assert_array_equal(gradients[0.0][key], gradients[2.0][key])


def test_is_the_stored_values_file_kept_apart_from_the_datasets():
    assert STORED_VALUES.exists() and STORED_VALUES.stem not in available_datasets()
    assert set(read_stored_values("regularization/example")) == {"X", "Y", "parameters"}


def test_does_each_read_of_stored_values_get_its_own_copy():
    # Reads are cached: a caller that changes its arrays in place must not change the next caller's.
    first = read_stored_values("regularization/example")
    original = first["X"].copy()
    first["X"] *= 0
    first["parameters"].clear()
    second = read_stored_values("regularization/example")
    np.testing.assert_array_equal(second["X"], original)
    assert second["parameters"]


def test_is_a_rewritten_stored_values_file_read_again(tmp_path, monkeypatch):
    import course.datasets

    path = tmp_path / "stored_values.h5"
    monkeypatch.setattr(course.datasets, "STORED_VALUES", path)
    for value in (1.0, 2.0):
        with h5py.File(path, "w") as f:
            f["group/x"] = np.array([value])
        os.utime(path, ns=(int(value * 1e9), int(value * 1e9)))
        assert read_stored_values("group")["x"][0] == value


def test_are_the_stored_dropout_answers_the_reference_on_the_stored_caches():
    from autograder.checks.dropout import known_mistakes
    from autograder.solutions import dropout as reference
    from course.checks.dropout import CACHE_NAMES, KNOWN_BACKWARD_MISTAKES, stored_dropout_example

    examples = stored_dropout_example()
    assert sorted(examples) == [0.8, 1.0]
    for keep_prob, (X, Y, cache, gradients, mistakes) in examples.items():
        D1, D2 = cache[CACHE_NAMES.index("D1")], cache[CACHE_NAMES.index("D2")]
        assert set(np.unique(D1)) | set(np.unique(D2)) <= {0.0, 1.0}
        assert (keep_prob == 1) == bool(D1.all() and D2.all()), "fixed masks drop some units, except with keep_prob = 1"
        right = reference.backward_propagation_with_dropout(X, Y, cache, keep_prob)
        for key in gradients:
            np.testing.assert_allclose(gradients[key], right[key], rtol=1e-12, atol=1e-15, err_msg=f"{key}, {keep_prob}")
        if keep_prob < 1:
            # Every usual mistake is stored, and each one differs from the right answer.
            assert sorted(mistakes) == sorted(name for name, _ in KNOWN_BACKWARD_MISTAKES)
            again = known_mistakes({"X": X, "Y": Y, "cache": cache, "keep_prob": keep_prob, "sizes": (3, 4, 4, 5)})
            for name, wrong in mistakes.items():
                assert any(not np.allclose(wrong[key], right[key]) for key in right), name
                for key in wrong:
                    np.testing.assert_allclose(wrong[key], again[name][key], rtol=1e-12, atol=1e-15)


def test_are_the_stored_gradient_checking_answers_the_reference_on_the_stored_example():
    from autograder.solutions import gradient_checking as reference
    from course.checks.gradient_checking import example
    from course.gradient_checking import backward_propagation_n, forward_propagation_n

    X, Y, parameters, right, provided = example()
    _, cache = forward_propagation_n(X, Y, parameters)
    fixed, buggy = reference.backward_propagation_n(X, Y, cache), backward_propagation_n(X, Y, cache)
    for key in right:
        np.testing.assert_allclose(right[key], fixed[key], rtol=1e-12, atol=1e-15, err_msg=key)
        np.testing.assert_allclose(provided[key], buggy[key], rtol=1e-12, atol=1e-15, err_msg=key)
    # The provided gradients are wrong in exactly the blocks of the two planted bugs (db2, and dZ1's dW1 and db1).
    assert sorted(key for key in right if not np.allclose(right[key], provided[key])) == ["dW1", "db1", "db2"]
    differences = read_stored_values("gradient_checking/differences")
    assert differences["right_1e-7"] < 1e-7 < 1e-3 < differences["provided_1e-7"]
    assert 1e-6 < differences["right_1e-2"] < differences["mistakes"]["right_1e-2"]["one_sided"] / 10
