"""Similarity of the code students wrote: evidence for an instructor's look, never a verdict.

For one assignment, every student's submitted notebook (submitted/<student>/<assignment>/*.ipynb)
gives its solution cells, one per graded function (grade_id = function name). Each cell is
normalized through the AST:
- comments, docstrings and formatting disappear (ast.unparse of the parsed tree);
- the function's arguments become a0, a1, ... by position and every other local name becomes `v`
  (a name bound in the cell: assigned, a loop target, an inner def), so renaming
  variables changes nothing, and neither does reordering (a first-appearance numbering would);
- globals (np, the graded function's own name, builtins) and attributes stay; a module imported
  under another name is called by its module's name (numpy's by np, the course's convention).
The normalized cell is cut into statements (a compound statement contributes its header; its body
statements count on their own, prefixed with their nesting depth), and each statement into its
token 3-grams (n-grams never cross a statement boundary). The release template is removed by
subtracting the features of the release notebook's cell of the same grade_id (a multiset
difference), so the `def` line, `parameters = {}` and the loop the template gives are not counted.

Measure: the weighted Jaccard (multiset intersection over union) of these statement-local token
3-grams. Reordering statements leaves the multiset unchanged (similarity 1.0 for a reordered
copy), renaming leaves it unchanged too, while two honest styles that share a line or two but
differ in how they compute (np.sqrt against ** 0.5, a comprehension against a loop) share few
3-grams. A pair's overall similarity is the same measure on all its functions' features (a feature matches only
within its function). Comparing is NumPy: one student's count row against all later students' rows.
A cell that does not parse falls back to its whitespace-normalized lines minus the template's.
"""

import ast
import functools
import html
import io
import json
import tokenize
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from autograder.course_paths import CoursePaths
from autograder.student_text import one_line, student_text

NGRAM = 3

# Default threshold. Measured on the catalogue's correct styles (`expect: pass`), every pair of styles
# of the same function, each cell with the release template removed
# (python -m autograder.benchmarks.bench_similarity --honest, 2026-12-07): 2750 pairs over the 17
# graded functions, median 0.45, 99th percentile 0.92. The largest pairs of distinct styles:
#   dropout backward_propagation_with_dropout   0.977 (divide_first_then_mask / mask_left_to_relu...)
#   gradient_checking backward_propagation_n   0.974 (fixed_classic / m_from_Y: one line differs)
#   debugging normalize_inputs                 0.966
#   initialization zeros / random / he          0.93 / 0.90 / 0.92
#   regularization cost / backward              0.65 / 0.88;  gradient_check 0.93
# Two catalogue pairs score 1.0 and are not distinct under any reorder-robust measure:
# initialization's biases_before_weights is classic_course_loop (zeros) and classic_course_seed3
# (random) with its two loop statements swapped, which is exactly what a reordered copy is.
# So the default sits just above 0.977: no pair of distinct honest styles is listed, renamed and
# reordered copies (1.0) are. The price, stated plainly: in these small exercises a copy with one
# real edit is as close as two honest students can be, and is not listed by default.
DEFAULT_THRESHOLD = 0.98


@dataclass
class Cell:
    """One student's solution cell of one graded function."""
    text: str                       # what the student wrote, release template lines removed (raw)
    features: Counter = field(default_factory=Counter)


@dataclass
class Pair:
    first: str
    second: str
    overall: float
    per_function: dict             # function -> similarity (only functions both wrote)


# ---------------------------------------------------------------- normalization

class _Canonical(ast.NodeTransformer):
    """Arguments -> a0, a1, ... by position; every other name bound in the cell -> v."""

    def __init__(self, bound, arguments, modules):
        self.modules = modules
        self.bound = bound
        self.arguments = arguments

    def _name(self, name):
        if name in self.modules:
            return self.modules[name]
        if name in self.arguments:
            return self.arguments[name]
        if name in self.bound:
            return "v"
        return name

    def visit_Name(self, node):
        node.id = self._name(node.id)
        return node

    def visit_arg(self, node):
        node.arg = self._name(node.arg)
        node.annotation = None
        return node

    def visit_FunctionDef(self, node):
        node.returns = None
        node.name = self._name(node.name)
        _drop_docstring(node)
        self.generic_visit(node)
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_alias(self, node):
        if node.asname:
            node.asname = self._name(node.asname)
            if node.asname == node.name:
                node.asname = None                  # import math as math: import math
        return node

    def visit_Expr(self, node):
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return None                             # a bare string: a comment by another name
        self.generic_visit(node)
        return node


def _drop_docstring(node):
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        node.body = body[1:] or [ast.Pass()]


def _bound_names(tree, top_level):
    """Names bound anywhere in the tree, except the top-level functions (the graded function's name
    is the same for everyone, and is what other cells call)."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node not in top_level:
            bound.add(node.name)
    return bound


def _module_aliases(tree):
    """{alias: canonical module name} of `import numpy as xyz` and `from m import a as b`."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = {"numpy": "np"}.get(alias.name, alias.name.split(".")[-1])
    return aliases


def normalized_statements(code):
    """The statements of `code` after normalization, as strings "depth:statement" (a compound
    statement is its header alone). Raises SyntaxError if the code does not parse."""
    tree = ast.parse(code)
    top_level = [node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    arguments = {}
    for function in top_level:
        every = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
        arguments.update({a.arg: f"a{i}" for i, a in enumerate(every)})
        for extra in (function.args.vararg, function.args.kwarg):
            if extra:
                arguments[extra.arg] = "a*"
    modules = _module_aliases(tree)
    tree = _Canonical(_bound_names(tree, top_level) - set(arguments) - set(modules), arguments, modules).visit(tree)
    ast.fix_missing_locations(tree)
    statements = []

    def walk(body, depth):
        for statement in body:
            children = [getattr(statement, name) for name in ("body", "orelse", "finalbody")
                        if isinstance(getattr(statement, name, None), list)]
            children += [handler.body for handler in getattr(statement, "handlers", [])]
            children += [case.body for case in getattr(statement, "cases", [])]
            if children:
                header = ast.unparse(statement).split("\n", 1)[0]
                statements.append(f"{depth}:{header}")
                for child in children:
                    walk(child, depth + 1)
            else:
                statements.append(f"{depth}:{ast.unparse(statement)}")

    walk(tree.body, 0)
    return statements


def _tokens(statement):
    try:
        return [t.string for t in tokenize.generate_tokens(io.StringIO(statement).readline)
                if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT,
                                  tokenize.ENDMARKER, tokenize.COMMENT)]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return statement.split()


def statement_features(statements):
    """Multiset of the statements' token n-grams (a statement shorter than n is one feature)."""
    features = Counter()
    for statement in statements:
        depth, _, code = statement.partition(":")
        tokens = [depth] + _tokens(code)
        if len(tokens) <= NGRAM:
            features[tuple(tokens)] += 1
        else:
            features.update(tuple(tokens[i:i + NGRAM]) for i in range(len(tokens) - NGRAM + 1))
    return features


def _lines(code):
    return [" ".join(line.split()) for line in code.splitlines() if line.strip()]


@functools.lru_cache(maxsize=64)
def _template_features(template):
    try:
        return statement_features(normalized_statements(template))
    except SyntaxError:
        return Counter()


def cell_features(code, template=""):
    """Features of a solution cell with the template's removed."""
    try:
        return statement_features(normalized_statements(code)) - _template_features(template)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        template_lines = set(_lines(template))
        return Counter(("line", line) for line in _lines(code) if line not in template_lines)


def without_template(code, template):
    """The lines of `code` whose stripped text is not a line of the template: what is shown."""
    template_lines = {line.strip() for line in template.splitlines()}
    return "\n".join(line for line in code.splitlines() if line.strip() not in template_lines).strip("\n")


def similarity(first, second):
    """Weighted Jaccard of two feature multisets; 0 if both are empty."""
    union = sum((first | second).values())
    return sum((first & second).values()) / union if union else 0.0


# ---------------------------------------------------------------- reading submissions

MAX_SHOWN = 200          # pairs shown side by side in the page, most alike first
MAX_CELL = 64 * 2 ** 10     # characters of a cell considered: beyond this a cell is cut


def template_cells(course_root, assignment):
    """{grade_id: source} of the release notebook's solution cells: the course root's release/ if
    it has one, else this repository's."""
    import nbformat

    from autograder.nbgrader_course import REPO_ROOT
    cells = {}
    for release in (CoursePaths(course_root, assignment).release, CoursePaths(REPO_ROOT, assignment).release):
        notebooks = sorted(release.glob("*.ipynb"))
        if notebooks:
            for path in notebooks:
                cells.update(_solution_sources(nbformat.read(path, as_version=4)))
            return cells
    return cells


def _solution_sources(notebook):
    sources = {}
    for cell in notebook.get("cells", []):
        if not isinstance(cell, dict):
            continue
        nbgrader = (cell.get("metadata") or {}).get("nbgrader") or {}
        if isinstance(nbgrader, dict) and nbgrader.get("solution") and isinstance(nbgrader.get("grade_id"), str):
            source = cell.get("source", "")
            sources[nbgrader["grade_id"]] = "".join(source) if isinstance(source, list) else str(source)
    return sources


def read_submissions(course_root, assignment, functions):
    """({student: {function: Cell}}, {student: problem}). A notebook that cannot be read is a
    problem noted for that student, never an error."""
    templates = template_cells(course_root, assignment)
    cells, problems = {}, {}
    for folder in sorted(Path(course_root).glob(f"submitted/*/{assignment}")):
        if not folder.is_dir():
            continue
        student = folder.parent.name
        sources = {}
        for path in sorted(folder.glob("*.ipynb")):
            try:
                # json, not nbformat.read: validating every notebook costs more than comparing them.
                notebook = json.loads(path.read_bytes())
                if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
                    raise ValueError("not a notebook")
                sources.update(_solution_sources(notebook))
            except Exception as error:  # a malformed notebook is noted, the report goes on
                problems[student] = f"{path.name} could not be read ({type(error).__name__})"
        student_cells = {}
        for function in functions:
            code = sources.get(function)
            if code is None:
                continue
            code = code[:MAX_CELL]
            template = templates.get(function, "")
            features = cell_features(code, template)
            if features:
                student_cells[function] = Cell(text=without_template(code, template), features=features)
        cells[student] = student_cells
        if not student_cells and student not in problems:
            problems[student] = "no solution code beyond the template"
    return cells, problems


# ---------------------------------------------------------------- comparing

def _count_matrix(cells, students, function):
    """(students x features) counts of one function's features, and each row's total."""
    vocabulary = {}
    rows = [cells[student][function].features if function in cells[student] else Counter() for student in students]
    for features in rows:
        for key in features:
            vocabulary.setdefault(key, len(vocabulary))
    matrix = np.zeros((len(students), max(1, len(vocabulary))), dtype=np.int32)
    for index, features in enumerate(rows):
        if features:
            matrix[index, [vocabulary[key] for key in features]] = list(features.values())
    return matrix, matrix.sum(axis=1)


def compare(cells, functions):
    """Every pair of students who both wrote some graded function: [Pair], most similar first.

    Per function the weighted Jaccard (similarity() of the two cells' features); overall the same
    measure on all functions' features, a feature counted within its function only (the sum of
    the functions' intersections over the sum of their unions). NumPy does one student against all
    later students at a time: min of the count rows summed is the multiset intersection."""
    students = sorted(cells)
    count = len(students)
    wrote = np.array([[function in cells[student] for function in functions] for student in students],
                     dtype=bool).reshape(count, len(functions))
    matrices = [_count_matrix(cells, students, function) for function in functions]
    pairs = []
    for i in range(count - 1):
        later = slice(i + 1, count)
        both = wrote[i] & wrote[later]                                  # (later, functions)
        if not both.any():
            continue
        intersections = np.empty(both.shape)
        unions = np.empty(both.shape)
        for f, (matrix, totals) in enumerate(matrices):
            intersections[:, f] = np.minimum(matrix[i], matrix[later]).sum(axis=1)
            unions[:, f] = totals[i] + totals[later] - intersections[:, f]
        overall = intersections.sum(axis=1) / np.maximum(unions.sum(axis=1), 1)
        per = intersections / np.maximum(unions, 1)
        for offset in np.flatnonzero(both.any(axis=1)):
            j = i + 1 + offset
            pairs.append(Pair(students[i], students[j], float(overall[offset]),
                              {function: float(per[offset, f]) for f, function in enumerate(functions)
                               if both[offset, f]}))
    pairs.sort(key=lambda pair: (-max([pair.overall, *pair.per_function.values()]), pair.first, pair.second))
    return pairs


def flagged(pairs, threshold):
    """Pairs whose overall similarity or some function's reaches the threshold."""
    return [pair for pair in pairs
            if pair.overall >= threshold or any(value >= threshold for value in pair.per_function.values())]


# ---------------------------------------------------------------- report

VERDICT_NOTE = ("Similarity is evidence for an instructor's look, never a verdict: correct answers to small "
                "exercises are naturally alike, and a high score only says which cells to read side by side.")


def _e(text, limit=16 * 2 ** 10):
    return html.escape(student_text(text, limit), quote=True)


def similarity_html(assignment, functions, cells, problems, pairs, threshold):
    listed = flagged(pairs, threshold)
    rows = []
    for pair in listed[:MAX_SHOWN]:
        blocks = []
        for function in functions:
            if function not in pair.per_function:
                continue
            value = pair.per_function[function]
            mark = " class='high'" if value >= threshold else ""
            blocks.append(
                f"<h4{mark}>{_e(function)}: {value:.2f}</h4><table class='side'><tr>"
                f"<th>{_e(pair.first, 200)}</th><th>{_e(pair.second, 200)}</th></tr><tr>"
                f"<td><pre>{_e(cells[pair.first][function].text)}</pre></td>"
                f"<td><pre>{_e(cells[pair.second][function].text)}</pre></td></tr></table>")
        rows.append(f"<section><h3>{_e(pair.first, 200)} and {_e(pair.second, 200)}: overall "
                    f"{pair.overall:.2f}</h3>{''.join(blocks)}</section>")
    problem_items = "".join(f"<li>{_e(student, 200)}: {_e(problem, 500)}</li>"
                            for student, problem in sorted(problems.items()))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{_e(assignment, 200)}: similarity</title>
<style>body{{font-family:sans-serif;margin:2em}} pre{{white-space:pre-wrap;font-size:85%}}
table.side{{width:100%;table-layout:fixed;border-collapse:collapse}} table.side td,table.side th{{border:1px solid #ccc;
vertical-align:top;padding:4px}} .high{{color:#a00}} .note{{background:#ffd;padding:8px}}</style></head><body>
<h1>{_e(assignment, 200)}: similarity of the code students wrote</h1>
<p class="note">{VERDICT_NOTE}</p>
<p>{len(cells)} submissions, {len(pairs)} pairs compared, {len(listed)} at or above the threshold {threshold:.2f}.
Only solution cells are compared, with the release template removed; names, comments and formatting
are normalized and statement order does not count (weighted Jaccard of statement-local token {NGRAM}-grams).</p>
{"<h2>Not compared</h2><ul>" + problem_items + "</ul>" if problem_items else ""}
<h2>Pairs at or above the threshold</h2>
{"".join(rows) if rows else "<p>None.</p>"}
{f"<p>... and {len(listed) - MAX_SHOWN} more pairs at or above the threshold, less alike than these "
  f"(raise --threshold to see fewer).</p>" if len(listed) > MAX_SHOWN else ""}
</body></html>
"""


def summary_table(pairs, threshold, limit=20):
    """The listed pairs as a bounded text table (student ids one-lined and capped)."""
    listed = flagged(pairs, threshold)
    lines = [f"{'overall':>7}  {'max cell':>8}  first / second"]
    for pair in listed[:limit]:
        lines.append(f"{pair.overall:7.2f}  {max(pair.per_function.values()):8.2f}  "
                     f"{one_line(pair.first, 60)} / {one_line(pair.second, 60)}")
    if len(listed) > limit:
        lines.append(f"... and {len(listed) - limit} more pairs in the report")
    if not listed:
        lines.append("(no pair at or above the threshold)")
    return "\n".join(lines)


def similar_pairs(course_root, assignment: str, threshold: float = DEFAULT_THRESHOLD) -> list[Pair] | None:
    """The pairs of submissions at or above `threshold`, most alike first (the class report's section);
    None for an assignment the registry does not know (its graded functions are unknown)."""
    from autograder.assignments import by_name

    try:
        functions = by_name(assignment).graded_functions
    except KeyError:
        return None
    cells, _ = read_submissions(course_root, assignment, functions)
    return flagged(compare(cells, functions), threshold)


def run_similarity(course_root, assignment, threshold=DEFAULT_THRESHOLD):
    """Compare every pair of submissions of `assignment`, write reports/<assignment>-similarity.html;
    returns (path, pairs, problems)."""
    from autograder.assignments import by_name

    functions = by_name(assignment).graded_functions
    cells, problems = read_submissions(course_root, assignment, functions)
    pairs = compare(cells, functions)
    path = CoursePaths(course_root, assignment).similarity_report
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(similarity_html(assignment, functions, cells, problems, pairs, threshold), encoding="utf-8")
    return path, pairs, problems
