"""Screen submissions for code that may tamper with grading, for an instructor's look.

Test cells run in the grader, not in the student's kernel (autograder.grading.execute), so no code in a
solution cell can change a verdict; this screen only points an instructor at code worth a look. It
reads the submitted notebook as text, outside any kernel, and flags constructs that no graded
function of this course needs (replaced imports, patched modules or builtins, hooks, ...). Honest
code can trip it too: IPython magics and shell commands (%timeit, %%time, !pip) become
get_ipython() calls, and globals() lists one's own names. So a flag never changes a score: the
scores stand, the flagged submission is marked for manual grading in the formgrader, and the
reasons go to the instructor alone (the score table, the class report and the grading ledger),
never to the student's feedback.

Only cells a student can change are read: nbgrader puts locked and test cells back as they were
in the source notebook before it runs anything.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nbformat import NotebookNode

# Modules that reach into the import system, the interpreter or the grader.
FORBIDDEN_IMPORTS = {"autograder", "builtins", "importlib", "ctypes", "gc", "inspect", "types"}
# The checks the tests call: a cell that imports them can replace them.
CHECKS_PACKAGE = "course.checks"
# Names and attributes that rewrite other code or the namespace.
FORBIDDEN_NAMES = {"exec", "eval", "compile", "setattr", "delattr", "globals", "vars", "__import__",
                   "__builtins__", "CheckFailure", "get_ipython"}
# What honest code does with some of them: said to the instructor, so a flag reads as a place to
# look, not as a verdict.
HONEST_USES = {
    "get_ipython": " (IPython magics and shell commands such as %timeit, %%time or !pip call it too)",
    "globals": " (honest code also calls it to list or look up its own names)",
}
FORBIDDEN_ATTRIBUTES = {"modules", "meta_path", "path_hooks", "__code__", "__globals__", "__builtins__",
                        "__dict__", "__class__", "settrace", "setprofile", "excepthook", "__tracebackhide__"}


@dataclass(frozen=True)
class Finding:
    """Why a cell was flagged: its grade_id (or position) and one sentence."""
    cell: str
    reason: str


def editable_code_cells(notebook: NotebookNode):
    """(label, source) of the code cells nbgrader does not restore: solution cells and cells the
    student added."""
    for index, cell in enumerate(notebook.cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("locked") or meta.get("grade"):
            continue
        yield meta.get("grade_id", f"cell {index + 1}"), cell.source


def _python_source(source):
    """The cell as plain Python (IPython magics and shell escapes turned into calls)."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def _module_aliases(tree):
    aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            aliases.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            aliases.update(a.asname or a.name for a in node.names)
    return aliases


def _root_name(node):
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_checks(module):
    return module == CHECKS_PACKAGE or module.startswith(CHECKS_PACKAGE + ".")


def screen_source(source: str,
                  module_aliases: frozenset[str] = frozenset({"np", "numpy", "plt", "math", "course"})) -> list[str]:
    """Reasons (sentences) why this cell's code tampers with grading; empty when it does not.

    module_aliases: names bound to modules elsewhere in the notebook (e.g. np), whose attributes
    a cell must not reassign.
    """
    try:
        tree = ast.parse(_python_source(source))
    except SyntaxError:
        return []  # a cell that does not parse cannot run either; the tests report it
    modules = set(module_aliases) | _module_aliases(tree)
    reasons = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in FORBIDDEN_IMPORTS or _is_checks(alias.name):
                    reasons.append(f"it imports {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = {alias.name for alias in node.names}
            if module.split(".")[0] in FORBIDDEN_IMPORTS or _is_checks(module) \
                    or (module == "course" and "checks" in names):
                reasons.append(f"it imports from {module}")
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)) and (
                node.name in FORBIDDEN_NAMES or node.name.startswith(("check_", "grade_"))):
            reasons.append(f"it defines {node.name}, a name the tests use")
        elif isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
            reasons.append(f"it uses {node.id}" + HONEST_USES.get(node.id, ""))
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES:
            reasons.append(f"it uses .{node.attr}")
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and _root_name(target) in modules:
                    reasons.append(f"it replaces {ast.unparse(target)}")
    return list(dict.fromkeys(reasons))


def screen_notebook(notebook: NotebookNode) -> list[Finding]:
    """Findings for every editable code cell of a submitted notebook that tampers with grading."""
    findings = []
    for label, source in editable_code_cells(notebook):
        reasons = screen_source(source)
        if reasons:
            findings.append(Finding(label, "; ".join(reasons)))
    return findings
