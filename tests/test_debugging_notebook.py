"""Does the debugging notebook tell its story when a student runs it?

Real kernels: the release, completed with the reference solutions, runs as a student runs it. Nothing
in it is random (fixed data, stored initialization), so the numbers it prints are given as expected
output, and they must show what the notebook teaches: normalized inputs reach the lowest cost in a few
dozen iterations where raw ones do not get there, the two trainings read as high bias, then high
variance, and the gradient health report tells a training that explodes (steps larger than the weights, a
saturated output, then every ReLU dead) from one that crawls (tiny ratios, a cost that barely moves).
"""

import re

import pytest

from autograder.assignments import by_name
from tests.notebooks import run_completed_release

ASSIGNMENT = "debugging"


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    _, text = run_completed_release(ASSIGNMENT, tmp_path_factory.mktemp("student"), figures=1,
                                      check_lines=len(by_name(ASSIGNMENT).graded_functions))
    return text


@pytest.mark.slow
def test_does_normalization_put_every_feature_of_the_training_set_on_one_scale(printed):
    ranges = {name: [float(v) for v in values] for name, *values in
              re.findall(r"^(raw|normalized|normalized dev) +x1 from +([-\d.]+) to +([-\d.]+) +x2 from +([-\d.]+) "
                         r"to +([-\d.]+)$", printed, re.M)}
    assert set(ranges) == {"raw", "normalized", "normalized dev"}, printed
    raw, normalized = ranges["raw"], ranges["normalized"]
    assert raw[1] - raw[0] > 500 * (raw[3] - raw[2]), "raw features on very different scales"
    assert all(1 < abs(v) < 3 for v in normalized + ranges["normalized dev"]), "normalized: a few spreads each way"


@pytest.mark.slow
def test_do_normalized_inputs_reach_the_lowest_cost_where_raw_ones_do_not(printed):
    runs = re.findall(r"^(raw|normalized) +learning rate ([\d.e-]+) *: (.*)$", printed, re.M)
    assert len(runs) == 6, printed
    reached = {(name, float(rate)): int(found[0]) for name, rate, outcome in runs
               for found in [re.findall(r"target reached after (\d+) iterations", outcome)] if found}
    assert not any(name == "raw" for name, _ in reached), "raw features never reach the target"
    assert len(reached) == 3 and max(reached.values()) <= 500 and reached["normalized", 1.0] <= 100
    raw = [outcome for name, _, outcome in runs if name == "raw"]
    assert "too large" in raw[-1] and re.match(r"cost [\d.]+ after 3000 iterations", raw[0])


@pytest.mark.slow
def test_do_the_two_trainings_read_as_high_bias_then_high_variance(printed):
    trainings = re.findall(r"^ *(\d+) iterations: train error ([\d.]+)%, dev error ([\d.]+)% -> (.*), "
                           r"first remedy: (.*)$", printed, re.M)
    assert [(int(i), diagnosis, remedy) for i, _, _, diagnosis, remedy in trainings] == [
        (10, "high bias", "bigger network"), (10000, "high variance", "more data")]
    (_, train_short, dev_short, _, _), (_, train_long, dev_long, _, _) = trainings
    assert float(train_short) > 12 and float(train_long) < 10 < float(dev_long) - 2, "against the base error of 10 %"


@pytest.mark.slow
def test_does_the_notebook_never_print_inf_or_nan(printed):
    assert not re.search(r"\b(inf|nan)\b", printed)


@pytest.mark.slow
def test_does_the_health_report_tell_an_exploding_training_from_a_crawling_one(printed):
    rows = re.findall(r"^(explodes|crawls) \(.*?\) +(\d+) +([\d.e+]+) +([\d.e-]+) +([\d.e-]+) +([\d.e-]+) +([\d,-]+) "
                      r"+(\d+)%$", printed, re.M)
    runs = {name: [(int(i), float(cost), [float(r) for r in ratios], zero, int(saturated))
                   for n, i, cost, *ratios, zero, saturated in rows if n == name] for name in ("explodes", "crawls")}
    assert [len(runs["explodes"]), len(runs["crawls"])] == [5, 5], printed
    start, *_, end = runs["explodes"]
    assert max(start[2]) > 1 and start[4] > 90, "steps larger than the weights, a saturated output"
    assert end[3] == "1,2,3" and end[2] == [0, 0, 0], "every ReLU dead: all gradients 0"
    first, *_, last = runs["crawls"]
    assert all(r < 0.05 for _, _, ratios, _, _ in runs["crawls"] for r in ratios) and first[3] == "-"
    assert 0 < first[1] - last[1] < 0.01, "the cost crawls"


# --- layer-by-layer comparison ---

@pytest.mark.slow
def test_does_the_comparison_point_at_the_students_first_wrong_gradient_and_not_at_round_off(printed):
    # The student's forward pass and dW3, db3 differ from the trusted ones by round-off only; its ReLU
    # derivative (A >= 0) is wrong from dZ2 down.
    assert re.search(r"^student vs trusted: \('backward', 'dW2'\)$", printed, re.M), printed
    assert re.search(r"^trusted vs itself: +None$", printed, re.M), printed


# --- overfit a tiny set ---

@pytest.mark.slow
def test_does_only_the_tiny_set_show_which_implementation_is_buggy(printed):
    rows = re.findall(r"^([ABC]) +([\d.]+)% +([\d.]+)% +([\d.]+) +(True|False)$", printed, re.M)
    assert [name for name, *_ in rows] == ["A", "B", "C"], printed
    for name, train_error, dev_error, cost, reached in rows:
        assert float(train_error) < 12 and float(dev_error) < 20, f"{name} looks fine on 200 examples"
        assert (reached == "True") == (name != "B")
        assert float(cost) < 0.01 if name != "B" else float(cost) > 0.3, "far from the tolerance of 0.01"
