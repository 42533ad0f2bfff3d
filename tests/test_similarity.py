"""The similarity report (issue 21): real notebooks in a scratch course root's submitted/, compared
through autograder.similarity and the `similarity` command."""

import ast
import re
from collections import Counter

import nbformat
import pytest

from autograder import similarity
from autograder.__main__ import main
from autograder.assignments import ASSIGNMENTS, by_name
from autograder.catalogue.loader import load_cases
from autograder.submissions import code_without_docstring, fill_solutions, write_submission

ASSIGNMENT = "regularization"


def honest_cases(assignment, function):
    return [case for case in load_cases(assignment) if case.function_name == function and case.expect_pass]


def submit(root, assignment, student, answers):
    notebook = fill_solutions(by_name(assignment).release, answers)
    write_submission(root, assignment, student, {f"{assignment}.ipynb": notebook})


def honest_class(root):
    """Six students of regularization, each writing a different correct style of both functions."""
    cost, backward = (honest_cases(ASSIGNMENT, f) for f in by_name(ASSIGNMENT).graded_functions)
    answers = {}
    for index in range(6):
        answers[f"honest{index}"] = {
            "compute_cost_with_regularization": code_without_docstring(cost[index * 3].path),
            "backward_propagation_with_regularization": code_without_docstring(backward[index * 3].path)}
        submit(root, ASSIGNMENT, f"honest{index}", answers[f"honest{index}"])
    return answers


class _Rename(ast.NodeTransformer):
    """A copier's disguise: every local and argument gets another name."""

    def visit_Name(self, node):
        if node.id not in {"np", "print", "len", "range", "float", "sum", "int", "dict"}:
            node.id = f"my_{node.id}_x"
        return node

    def visit_arg(self, node):
        node.arg = f"my_{node.arg}_x"
        return node


def renamed(code):
    return "# my own work\n" + ast.unparse(_Rename().visit(ast.parse(code))) + "\n"


def reordered(code):
    """The function body's independent first statements in reverse order (a copier's shuffle),
    and a comment."""
    tree = ast.parse(code)
    function = next(node for node in tree.body if isinstance(node, ast.FunctionDef))
    body = function.body
    if isinstance(body[0], ast.Expr):
        body = body[1:]
    # Assignments before the first statement using a name assigned earlier are independent.
    head, assigned = [], set()
    for statement in body:
        used = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        if not isinstance(statement, ast.Assign) or used & assigned:
            break
        head.append(statement)
        assigned |= {n.id for n in ast.walk(statement) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    assert len(head) >= 2, "nothing to reorder"
    function.body = head[::-1] + body[len(head):]
    return "# rewritten\n" + ast.unparse(tree) + "\n"


def test_renamed_and_reordered_copies_are_found_among_honest_submissions(tmp_path):
    answers = honest_class(tmp_path)
    original = answers["honest2"]
    submit(tmp_path, ASSIGNMENT, "renamer", {f: renamed(code) for f, code in original.items()})
    submit(tmp_path, ASSIGNMENT, "shuffler", {f: reordered(code) for f, code in original.items()})
    # The disguises changed the text.
    assert all(renamed(code) != code and reordered(code) != code for code in original.values())

    path, pairs, problems = similarity.run_similarity(tmp_path, ASSIGNMENT)
    listed = {(pair.first, pair.second) for pair in similarity.flagged(pairs, similarity.DEFAULT_THRESHOLD)}
    assert listed == {("honest2", "renamer"), ("honest2", "shuffler"), ("renamer", "shuffler")}
    assert not problems
    page = path.read_text()
    assert "never a verdict" in page
    assert "honest2 and renamer" in page


@pytest.mark.slow
@pytest.mark.parametrize("assignment", [a.name for a in ASSIGNMENTS])
def test_no_pair_of_distinct_honest_catalogue_styles_is_listed(tmp_path, assignment):
    """One student per correct catalogue style of each function (the other cells left as released),
    so every pair of styles of a function is compared; pairs whose normalized statements are the same
    multiset (a style that is another with statements swapped) are not distinct under a
    reorder-robust measure and are named here."""
    same_statements = {("initialize_parameters_zeros", "biases_before_weights", "classic_course_loop"),
                       ("initialize_parameters_random", "biases_before_weights", "classic_course_seed3")}
    functions = by_name(assignment).graded_functions
    for function in functions:
        for case in honest_cases(assignment, function):
            submit(tmp_path, assignment, f"{function}.{case.name}", {function: code_without_docstring(case.path)})
    path, pairs, problems = similarity.run_similarity(tmp_path, assignment)
    expected_pairs = sum(len(honest_cases(assignment, f)) * (len(honest_cases(assignment, f)) - 1) // 2
                         for f in functions)
    assert len(pairs) == expected_pairs and not problems
    listed = {tuple(p.first.split(".")) + (p.second.split(".")[1],)
              for p in similarity.flagged(pairs, similarity.DEFAULT_THRESHOLD)}
    assert listed == {pair for pair in same_statements if pair[0] in functions}
    # The measure is not trivially low: honest styles do share code.
    assert max(p.overall for p in pairs if tuple(p.first.split(".")) + (p.second.split(".")[1],)
               not in same_statements) > 0.6


def test_student_text_is_escaped_in_the_page_and_the_summary(tmp_path, capsys):
    honest_class(tmp_path)
    evil = ("def compute_cost_with_regularization(A3, Y, parameters, lambd):\n"
            "    s = '</pre><script>alert(1)</script>'\n    return s\n")
    for student in ("evil_a", "evil\x1b[2Jb"):
        submit(tmp_path, ASSIGNMENT, student, {"compute_cost_with_regularization": evil})
    assert main(["similarity", ASSIGNMENT, "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "evil[2Jb / evil_a" in out
    page = (tmp_path / "reports" / f"{ASSIGNMENT}-similarity.html").read_text()
    assert "<script>" not in page
    assert "Content-Security-Policy" in page     # and, should anything slip through, no script runs
    assert "&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\x1b" not in page


def test_empty_or_malformed_notebooks_do_not_stop_the_report(tmp_path, capsys):
    answers = honest_class(tmp_path)
    submit(tmp_path, ASSIGNMENT, "copier", answers["honest1"])
    for student, text in (("empty", ""), ("garbage", "{not json"), ("nocells", '{"cells": 3}'),
                          ("oddcells", '{"cells": [3, {"metadata": {"nbgrader": 7}}]}')):
        folder = tmp_path / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / f"{ASSIGNMENT}.ipynb").write_text(text)
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "submitted" / "honest0" / ASSIGNMENT / "extra.ipynb")
    submit(tmp_path, ASSIGNMENT, "syntax_error",
           {"compute_cost_with_regularization": "def compute_cost_with_regularization(:\n    return ((\n"})
    assert main(["similarity", ASSIGNMENT, "--root", str(tmp_path)]) == 0
    page = (tmp_path / "reports" / f"{ASSIGNMENT}-similarity.html").read_text()
    for student in ("empty", "garbage", "nocells", "oddcells"):
        assert re.search(rf"<li>{student}: ", page)
    # The copier (of honest1) is still found.
    assert "honest1 and copier" in page or "copier and honest1" in page
    out = capsys.readouterr().out
    assert "copier / honest1" in out


def test_template_lines_are_not_counted():
    template = "def f(x):\n    y = {}\n    # YOUR CODE HERE\n    raise NotImplementedError()\n    return y\n"
    assert not similarity.cell_features(template, template)
    a = similarity.cell_features(template.replace("raise NotImplementedError()", "y['a'] = x * 2"), template)
    b = similarity.cell_features(template.replace("raise NotImplementedError()", "y['b'] = x + 3"), template)
    assert similarity.similarity(a, b) < 0.5


def test_similarity_is_one_for_renaming_and_reordering_and_lower_for_other_code():
    code = "def f(a, b):\n    s = a * 2\n    t = b + 1\n    return s - t\n"
    other = "def f(p, q):\n    u = q + 1\n    w = p * 2  # comment\n    return w - u\n"
    different = "def f(a, b):\n    return sum(x for x in range(a)) / b\n"
    one = similarity.cell_features(code)
    assert similarity.similarity(one, similarity.cell_features(other)) == 1.0
    assert similarity.similarity(one, similarity.cell_features(different)) < 0.3
    # Argument positions still count: swapping them is a different computation.
    swapped = "def f(a, b):\n    s = b * 2\n    t = a + 1\n    return s - t\n"
    assert similarity.similarity(one, similarity.cell_features(swapped)) < 1.0


def test_summary_table_is_bounded():
    pairs = [similarity.Pair(f"s{i}" + "x" * 500, "t\n\x1b", 1.0, {"f": 1.0}) for i in range(100)]
    table = similarity.summary_table(pairs, 0.5)
    assert len(table.splitlines()) == 22 and "80 more" in table
    assert all(len(line) < 160 for line in table.splitlines()) and "\x1b" not in table


def test_pairs_are_all_compared():
    cells = {s: {"f": similarity.Cell("x", similarity.cell_features(f"def f(a):\n    return a + {i}\n"))}
             for i, s in enumerate("abcde")}
    assert len(similarity.compare(cells, ("f",))) == 10
    assert all(p.first < p.second for p in similarity.compare(cells, ("f",)))


def test_vectorized_comparison_agrees_with_the_measure():
    """compare() (NumPy) gives each function's similarity() of the two cells, and overall the
    measure on all features with a feature matched only within its function."""
    codes = ["def f(a):\n    return a + 1\n", "def f(a):\n    b = a + 1\n    return b * 2\n",
             "def f(a):\n    b = a * 2\n    return b + 1\n", "def g(x):\n    return x\n"]
    cells = {f"s{i}": {"f": similarity.Cell("", similarity.cell_features(codes[i % 3])),
                       "g": similarity.Cell("", similarity.cell_features(codes[(i * 2) % 4]))}
             for i in range(6)}
    del cells["s5"]["g"]
    pairs = similarity.compare(cells, ("f", "g"))
    assert len(pairs) == 15
    for pair in pairs:
        first, second = cells[pair.first], cells[pair.second]
        assert set(pair.per_function) == set(first) & set(second)
        for function, value in pair.per_function.items():
            assert value == pytest.approx(similarity.similarity(first[function].features, second[function].features))
        keyed = [sum((Counter({(f, k): n for k, n in c.features.items()}) for f, c in s.items()), Counter())
                 for s in (first, second)]
        assert pair.overall == pytest.approx(similarity.similarity(*keyed))
    assert any(0 < pair.overall < 1 for pair in pairs)


def test_the_command_says_when_there_is_nothing_to_compare(tmp_path, capsys):
    assert main(["similarity", ASSIGNMENT, "--root", str(tmp_path)]) == 1
    assert "no submissions" in capsys.readouterr().err
    assert not (tmp_path / "reports").exists()
    with pytest.raises(SystemExit):
        main(["similarity", ASSIGNMENT, "--root", str(tmp_path), "--threshold", "1.5"])


def test_a_module_imported_under_another_name_is_called_by_its_own():
    plain = similarity.cell_features("def f(x):\n    return np.sqrt(x) + math.pi\n")
    aliased = similarity.cell_features("import numpy as nmp\nimport math as m\n"
                                       "def f(x):\n    return nmp.sqrt(x) + m.pi\n")
    other = similarity.cell_features("def f(x):\n    return np.exp(x) - math.e\n")
    imports = similarity.cell_features("import numpy as np\nimport math\n")
    assert similarity.similarity(plain, aliased - imports) == 1.0
    assert similarity.similarity(plain, other) < 0.5


def test_does_the_class_report_list_the_copies_and_only_them(tmp_path):
    from autograder.grading.report import class_report_html
    from autograder.grading.scores import StudentScores

    answers = honest_class(tmp_path)
    submit(tmp_path, ASSIGNMENT, "renamer<b>", {f: renamed(code) for f, code in answers["honest4"].items()})
    similar = similarity.similar_pairs(tmp_path, ASSIGNMENT)
    assert [(pair.first, pair.second) for pair in similar] == [("honest4", "renamer<b>")]
    results = [StudentScores(student, {"test_x": (1, 1)}) for student in [*answers, "renamer<b>"]]
    page = class_report_html(ASSIGNMENT, results, similar=similar)
    section = page[page.index("<h2>Similar submissions</h2>"):]
    assert "never a verdict" in section and "renamer&lt;b&gt;" in section and "renamer<b>" not in section
    assert "honest4" in section and "honest0" not in section
    # No copy: the section says so; no registry entry: no section.
    assert "<p>None.</p>" in class_report_html(ASSIGNMENT, results, similar=[]).split("Similar submissions")[1]
    assert "Similar submissions" not in class_report_html(ASSIGNMENT, results)
    assert similarity.similar_pairs(tmp_path, "not_an_assignment") is None


def test_does_the_report_command_add_the_similarity_section(tmp_path, monkeypatch):
    from autograder import __main__ as cli
    from autograder.grading.scores import StudentScores

    answers = honest_class(tmp_path)
    submit(tmp_path, ASSIGNMENT, "copier", answers["honest1"])
    monkeypatch.setattr(cli, "gradebook_exists", lambda url: True)
    monkeypatch.setattr("autograder.grading.scores.read_scores",
                        lambda root, assignment, db_url=None: [StudentScores(s, {"t": (1, 1)}) for s in answers])
    assert main(["report", ASSIGNMENT, "--root", str(tmp_path)]) == 0
    page = (tmp_path / "reports" / f"{ASSIGNMENT}.html").read_text()
    assert "copier" in page.split("<h2>Similar submissions</h2>")[1]
