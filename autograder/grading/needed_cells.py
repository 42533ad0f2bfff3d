"""Which cells of a submission grading has to run.

nbgrader scores only the graded cells, so a cell can change a score only if it runs before the
last graded cell and something that runs later reads a name it defines. The provided training and
plotting cells exist for learning: they are most of a notebook's run time and none of its verdict.

`cells_to_run` keeps every cell a student can edit (solution cells, cells they added), every
graded cell, and every locked cell that defines a name read by a cell that runs after it (read in
any scope: a function body reading a global counts). A cell that imports `a.b` also defines
`a.b` as an attribute of the package `a`, so it counts as defining `a` for a kept cell that reads
`a` or plainly imports it (`import a as x`; `from a.c import f` binds no package). Names are read
off the code with `symtable` and `ast` after IPython's own translation of magics. When a student's cell
reaches names in ways code reading cannot follow (globals(), eval, exec, ...) or a cell does not
parse, every cell up to the last graded one runs.
"""

import ast
import symtable
from collections.abc import Callable

# Names through which code can reach globals that symtable cannot see being read.
DYNAMIC_ACCESS = {"globals", "locals", "vars", "eval", "exec", "compile", "__import__", "get_ipython",
                  "sys", "__main__", "builtins", "__builtins__", "importlib", "runpy", "pickle", "dir"}


class CannotTell(Exception):
    """The names a cell reads or defines cannot be known from its code."""


def _python(source):
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


# Nested scopes that run where their cell runs (a comprehension), unlike a function's body.
IMMEDIATE_SCOPES = {"listcomp", "setcomp", "dictcomp", "<listcomp>", "<setcomp>", "<dictcomp>"}


def names_of(source: str):
    """(names the cell defines at top level, global names read where the cell runs, global names read
    inside functions (read whenever they are called, wherever the cell is)); the packages a cell
    imports from count among the names it defines.

    Reading a package's module as an attribute (`a.b` after `import a`) reads the name `a`, so the
    packages of plain imports (`import a.b as x`) count as names read where the cell runs, or, for an
    import inside a function, whenever the function is called.

    Raises CannotTell if the cell does not parse.
    """
    try:
        python = _python(source)
        table = symtable.symtable(python, "<cell>", "exec")
        tree = ast.parse(python)
    except (SyntaxError, ValueError) as error:
        raise CannotTell(str(error)) from None
    defined = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported() or s.is_namespace()}
    functions = [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    imported_anywhere, imported_when_called = _plainly_imported([tree]), _plainly_imported(functions)
    imported_from = {node.module.split(".")[0] for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom) and node.module and not node.level}
    read_here = {s.get_name() for s in table.get_symbols() if s.is_referenced()} | (imported_anywhere - imported_when_called)
    read_when_called = set(imported_when_called)
    stack = [(child, False) for child in table.get_children()]
    while stack:
        scope, deferred = stack.pop()
        deferred = deferred or (scope.get_type() == "function" and scope.get_name() not in IMMEDIATE_SCOPES)
        reads = {s.get_name() for s in scope.get_symbols() if s.is_global() or s.is_declared_global()}
        (read_when_called if deferred else read_here).update(reads)
        defined |= {s.get_name() for s in scope.get_symbols() if s.is_declared_global() and s.is_assigned()}
        stack += [(child, deferred) for child in scope.get_children()]
    return defined | imported_anywhere | imported_from, read_here, read_when_called


def _plainly_imported(trees):
    """Top-level packages of the plain imports (`import a.b`, `import a as x`) anywhere in `trees`."""
    return {alias.name.split(".")[0] for tree in trees for node in ast.walk(tree) if isinstance(node, ast.Import)
            for alias in node.names}


def cells_to_run(cells: list, is_grader_cell: Callable[[object], bool]) -> list[int]:
    """Indices of the code cells grading must run, in order.

    Inputs:
    - cells: the notebook's cells, after nbgrader's sanitizing (locked cells hold the instructor's code)
    - is_grader_cell(cell): whether a cell is an instructor's graded cell (its reads count as reads
      of the kernel's names: the grader runs it against the kernel)

    A provided cell is kept when a kept cell after it reads one of its names, or when a function of
    any kept cell reads one (a function moved above the provided cell it calls); keeping a cell can
    make another needed, so this repeats until nothing changes.
    """
    code = [i for i, cell in enumerate(cells) if cell.cell_type == "code" and cell.source.strip()]
    graded = [i for i in code if cells[i].metadata.get("nbgrader", {}).get("grade")]
    if not graded:
        return code
    candidates = [i for i in code if i <= graded[-1]]
    names, keep = {}, set()
    try:
        for i in candidates:
            meta = cells[i].metadata.get("nbgrader", {})
            names[i] = names_of(cells[i].source)
            _, read_here, read_when_called = names[i]
            if not meta.get("locked") and (read_here | read_when_called) & DYNAMIC_ACCESS and not is_grader_cell(cells[i]):
                raise CannotTell(f"cell {i + 1} reads names dynamically")
            if not (meta.get("locked") and not meta.get("grade") and not meta.get("solution")):
                keep.add(i)
    except CannotTell:
        return candidates
    changed = True
    while changed:
        changed = False
        called = set().union(*(names[j][2] for j in keep))
        for i in candidates:
            if i in keep:
                continue
            later = set().union(*(names[j][1] | names[j][2] for j in keep if j > i))
            if names[i][0] & (later | called):
                keep.add(i)
                changed = True
    return sorted(keep)
