"""Which cells of a submission grading has to run.

nbgrader scores only the graded cells, so a cell can change a score only if it runs before the
last graded cell and something that runs later reads a name it defines. The provided training and
plotting cells exist for learning: they are most of a notebook's run time and none of its verdict.

`cells_to_run` keeps every cell a student can edit (solution cells, cells they added), every
graded cell, every cell that imports, and every locked cell that defines a name read by a cell
that runs after it (read in any scope: a function body reading a global counts). Names are read
off the code with `symtable` after IPython's own translation of magics. When a student's cell
reaches names in ways code reading cannot follow (globals(), eval, exec, ...) or a cell does not
parse, every cell up to the last graded one runs.
"""

import symtable

# Names through which code can reach globals that symtable cannot see being read.
DYNAMIC_ACCESS = {"globals", "locals", "vars", "eval", "exec", "compile", "__import__", "get_ipython",
                  "sys", "__main__", "builtins", "__builtins__", "importlib", "runpy", "pickle", "dir"}


class CannotTell(Exception):
    """The names a cell reads or defines cannot be known from its code."""


def _python(source):
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def names_of(source):
    """(names the cell defines at top level, global names it reads in any scope, whether it imports).

    Raises CannotTell if the cell does not parse.
    """
    try:
        table = symtable.symtable(_python(source), "<cell>", "exec")
    except (SyntaxError, ValueError) as error:
        raise CannotTell(str(error)) from None
    defined = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported() or s.is_namespace()}
    imports = any(s.is_imported() for s in table.get_symbols())
    read = {s.get_name() for s in table.get_symbols() if s.is_referenced()}
    stack = list(table.get_children())
    while stack:
        scope = stack.pop()
        read |= {s.get_name() for s in scope.get_symbols() if s.is_global() or s.is_declared_global()}
        defined |= {s.get_name() for s in scope.get_symbols() if s.is_declared_global() and s.is_assigned()}
        stack += scope.get_children()
    return defined, read, imports


def cells_to_run(cells, is_grader_cell):
    """Indices of the code cells grading must run, in order.

    Inputs:
    - cells: the notebook's cells, after nbgrader's sanitizing (locked cells hold the instructor's code)
    - is_grader_cell(cell): whether a cell is an instructor's graded cell (its reads count as reads
      of the kernel's names: the grader runs it against the kernel)
    """
    code = [i for i, cell in enumerate(cells) if cell.cell_type == "code" and cell.source.strip()]
    graded = [i for i in code if cells[i].metadata.get("nbgrader", {}).get("grade")]
    if not graded:
        return code
    candidates = [i for i in code if i <= graded[-1]]
    needed, keep = set(), []
    try:
        for i in reversed(candidates):
            meta = cells[i].metadata.get("nbgrader", {})
            defined, read, imports = names_of(cells[i].source)
            optional = meta.get("locked") and not meta.get("grade") and not meta.get("solution") and not imports
            if not meta.get("locked") and read & DYNAMIC_ACCESS and not is_grader_cell(cells[i]):
                raise CannotTell(f"cell {i + 1} reads names dynamically")
            if optional and not defined & needed:
                continue
            keep.append(i)
            needed |= read
    except CannotTell:
        return candidates
    return sorted(keep)
