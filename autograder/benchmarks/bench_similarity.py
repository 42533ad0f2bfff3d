"""Benchmark of the similarity report, and the honest distribution its default threshold rests on.

    python -m autograder.benchmarks.bench_similarity [--students 500] [--assignment debugging] [--repeats 3]
    python -m autograder.benchmarks.bench_similarity --honest

1. `--students` generated submissions of `--assignment` (real notebooks in submitted/ of a scratch
   course root): each student writes, for every graded function, a correct catalogue style chosen
   at random, with its local names renamed at random (so no two cells are text-identical).
   `similarity.run_similarity` (read, normalize, compare every pair, write the page) runs
   `--repeats` times; prints the median of each phase, the pairs per second of the comparison, and
   the whole time for the class.
2. `--honest`: for every graded function, the similarity of every pair of its correct catalogue
   styles (template removed, as the report does), with the median, 99th percentile and largest
   pairs: the numbers quoted at similarity.DEFAULT_THRESHOLD.

Measured 2026-12-07 (2 shared cores, debugging, 5 graded functions, 500 students, 124,750 pairs,
median of 3; two runs, the cores shared with other work): read and normalize 5.2-6.3 s, compare
every pair 1.2-1.9 s (67,000-107,000 pairs per second), run_similarity as a whole (read, compare,
write the page) 6.9-7.0 s.
"""

import argparse
import ast
import itertools
import random
import statistics
import tempfile
import time
from pathlib import Path

from autograder import similarity
from autograder.assignments import ASSIGNMENTS, by_name
from autograder.catalogue.loader import load_cases
from autograder.nbgrader_course import REPO_ROOT
from autograder.submissions import code_without_docstring, fill_solutions, write_submission


def honest_styles(assignment, function):
    return {case.name: code_without_docstring(case.path) for case in load_cases(assignment)
            if case.function_name == function and case.expect_pass}


class _RandomNames(ast.NodeTransformer):
    """Every name the cell binds (assigned, an argument), and only those, gets a random suffix:
    what a copier can change without changing what the code calls."""

    def __init__(self, rng, tree):
        self.rng, self.names = rng, {}
        nodes = list(ast.walk(tree))
        self.bound = {node.id for node in nodes if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
        self.bound |= {node.arg for node in nodes if isinstance(node, ast.arg)}

    def _new(self, name):
        if name not in self.bound:
            return name
        return self.names.setdefault(name, f"{name}_{self.rng.randrange(10 ** 6)}")

    def visit_Name(self, node):
        node.id = self._new(node.id)
        return node

    def visit_arg(self, node):
        node.arg = self._new(node.arg)
        return node


def generated_class(root, assignment, students, seed=0):
    """Write `students` submissions of `assignment` to root/submitted; returns root."""
    rng = random.Random(seed)
    functions = by_name(assignment).graded_functions
    styles = {function: list(honest_styles(assignment, function).values()) for function in functions}
    release = by_name(assignment).release
    for index in range(students):
        answers = {}
        for function in functions:
            tree = ast.parse(rng.choice(styles[function]))
            answers[function] = ast.unparse(_RandomNames(rng, tree).visit(tree)) + "\n"
        write_submission(root, assignment, f"student{index:03d}",
                         {f"{assignment}.ipynb": fill_solutions(release, answers)})
    return root


def benchmark(assignment, students, repeats):
    functions = by_name(assignment).graded_functions
    with tempfile.TemporaryDirectory() as scratch:
        root = generated_class(Path(scratch), assignment, students)
        reading, comparing, whole = [], [], []
        for _ in range(repeats):
            start = time.perf_counter()
            cells, problems = similarity.read_submissions(root, assignment, functions)
            read_done = time.perf_counter()
            pairs = similarity.compare(cells, functions)
            compare_done = time.perf_counter()
            similarity.run_similarity(root, assignment)
            whole.append(time.perf_counter() - compare_done)
            reading.append(read_done - start)
            comparing.append(compare_done - read_done)
        assert not problems and len(pairs) == students * (students - 1) // 2
        listed = len(similarity.flagged(pairs, similarity.DEFAULT_THRESHOLD))
    compare_seconds = statistics.median(comparing)
    print(f"{assignment}: {students} generated submissions, {len(functions)} graded functions, "
          f"{len(pairs)} pairs, median of {repeats} runs")
    print(f"  read and normalize   {statistics.median(reading):7.2f} s")
    print(f"  compare every pair   {compare_seconds:7.2f} s   ({len(pairs) / compare_seconds:,.0f} pairs per second)")
    print(f"  run_similarity whole {statistics.median(whole):7.2f} s   (read, compare, write the page)")
    print(f"  pairs listed at the default threshold {similarity.DEFAULT_THRESHOLD}: {listed} "
          f"(styles repeat across students: same style, renamed, is a copy to the measure)")


def honest_distribution():
    every = []
    for assignment in ASSIGNMENTS:
        templates = similarity.template_cells(REPO_ROOT, assignment.name)
        for function in assignment.graded_functions:
            features = {name: similarity.cell_features(code, templates.get(function, ""))
                        for name, code in honest_styles(assignment.name, function).items()}
            values = sorted((similarity.similarity(features[a], features[b]), a, b)
                            for a, b in itertools.combinations(sorted(features), 2))
            every += [value for value, _, _ in values]
            top = ", ".join(f"{v:.3f} {a}/{b}" for v, a, b in values[-2:][::-1])
            print(f"{assignment.name:18} {function:42} {len(features):3} styles, {len(values):4} pairs, "
                  f"median {statistics.median(v for v, _, _ in values):.2f}, top: {top}")
    print(f"all: {len(every)} pairs, median {statistics.median(every):.2f}, "
          f"99th percentile {statistics.quantiles(every, n=100)[98]:.2f}, "
          f"largest below 1.0 {max(v for v in every if v < 1.0):.3f}, pairs at 1.0: {sum(v == 1.0 for v in every)}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--assignment", default="debugging")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--honest", action="store_true", help="only the honest distribution")
    args = parser.parse_args(argv)
    if args.honest:
        honest_distribution()
    else:
        benchmark(args.assignment, args.students, args.repeats)


if __name__ == "__main__":
    main()
