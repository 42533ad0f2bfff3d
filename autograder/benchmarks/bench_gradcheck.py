"""
Benchmark of the gradient-check harness against the course's naive loop.

Run from the repository root:

    python3 -m autograder.benchmarks.bench_gradcheck [--repeats N]

Single BLAS thread (set below, before NumPy is imported). Prints one row
per case: median milliseconds over the repeats, and the ratio of the naive
loop's time to the harness's. The naive loop (the course's gradient_check_n:
rebuild the parameter vector and call the cost for every entry, eps = 1e-7)
runs in the same process; on the wide network it runs on sampled entries
and its time is extrapolated to all ~246k parameters.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from autograder.gradcheck import example_networks as nets  # noqa: E402
from autograder.gradcheck import gradcheck  # noqa: E402


def naive_gradient_check(J, params, grads, eps=1e-7, entries=None):
    """
    The course's gradient_check_n, for timing.

    Inputs:
    - J: callable, params dict -> cost
    - params, grads: dicts as for gradcheck
    - eps: fixed step
    - entries: optional int array of flat indices to check (all by default)

    Returns:
    - difference: float, ||g_num - g|| / (||g_num|| + ||g||) over the entries
    """
    names = list(params)
    shapes = [params[k].shape for k in names]
    theta = np.concatenate([params[k].ravel() for k in names])
    grad = np.concatenate([grads["d" + k].ravel() for k in names])

    def to_dict(vector):
        out, start = {}, 0
        for name, shape in zip(names, shapes):
            size = int(np.prod(shape))
            out[name] = vector[start:start + size].reshape(shape)
            start += size
        return out

    entries = np.arange(theta.size) if entries is None else entries
    approx = np.empty(len(entries))
    for j, i in enumerate(entries):
        plus = np.copy(theta)
        plus[i] += eps
        minus = np.copy(theta)
        minus[i] -= eps
        approx[j] = (J(to_dict(plus)) - J(to_dict(minus))) / (2 * eps)
    g = grad[entries]
    return np.linalg.norm(approx - g) / (np.linalg.norm(approx) + np.linalg.norm(g))


def median_ms(fn, repeats):
    """Median wall time of fn() over `repeats` calls, in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1e3 * float(np.median(times))


def main(argv=None):
    """Run every case and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args(argv)
    R = args.repeats
    rows = []

    # Small network [2, 20, 3, 1], m = 300, lambda = 0.7: full per-entry check.
    small = nets.problem(nets.SMALL_DIMS, 300, lambd=0.7)
    naive_small = median_ms(lambda: naive_gradient_check(*small), max(3, R // 3))
    for label, bug in (("correct", {}), ("L2 term missing", {"bug": "no_l2"}),
                       ("1/m missing", {"bug": "missing_1_over_m"})):
        J, p, g = nets.problem(nets.SMALL_DIMS, 300, lambd=0.7, **bug)
        report = gradcheck(J, p, g, lambd=0.7, m=300)
        rows.append((f"small {label}", median_ms(lambda J=J, p=p, g=g: gradcheck(J, p, g, lambd=0.7, m=300), R),
                     naive_small, report))

    # Wide network [12288, 20, 7, 5, 1], m = 50: random directions per block.
    X, Y = nets.make_data(nets.WIDE_DIMS, 50, 0)
    params = nets.init_params(nets.WIDE_DIMS, 1)
    AL, cache = nets.forward(X, params)
    J = nets.make_cost(X, Y, 0.7)
    total = sum(v.size for v in params.values())
    sample = np.random.default_rng(0).choice(total, size=100, replace=False)
    exact = nets.backward(AL, Y, cache, lambd=0.7)
    naive_wide = median_ms(lambda: naive_gradient_check(J, params, exact, entries=sample), 3) * total / len(sample)
    wide_cases = (("correct", {}), ("db4 sign", {"bug": "sign", "block": "db4"}),
                  ("ReLU derivative missing", {"bug": "no_relu_derivative", "layer": 2}),
                  ("1/m missing", {"bug": "missing_1_over_m"}))
    for label, bug in wide_cases:
        g = nets.backward(AL, Y, cache, lambd=0.7, **bug)
        report = gradcheck(J, params, g, lambd=0.7, m=50)
        rows.append((f"wide {label}", median_ms(lambda g=g: gradcheck(J, params, g, lambd=0.7, m=50), R),
                     naive_wide, report))

    print(f"{'case':34} {'median ms':>10} {'naive ms':>12} {'naive/ours':>11}  evals  verdict")
    for case, ours, naive, report in rows:
        verdict = "ok" if report.ok else "FAILED: " + report.diagnosis[:60]
        print(f"{case:34} {ours:10.1f} {naive:12.1f} {naive / ours:11.1f}  {report.evaluations:5d}  {verdict}")
    print(f"(medians of {R} runs; naive wide loop timed on {len(sample)} entries and extrapolated to {total})")


if __name__ == "__main__":
    main()
