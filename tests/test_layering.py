"""Does the code keep its layers: course/ below autograder/, the product below its tests, no cycles?"""

import ast

from autograder.nbgrader_course import REPO_ROOT


def module_name(path):
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path):
    """Every module an import statement of `path` names (absolute imports; relative ones resolved)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def product_modules():
    """{module: imported names} of course/ and autograder/ (the catalogue's student-style cases
    are data, not product code)."""
    files = [p for package in ("course", "autograder") for p in sorted((REPO_ROOT / package).rglob("*.py"))
             if "catalogue" not in p.relative_to(REPO_ROOT).parts[1:2] or p.name == "loader.py"]
    return {module_name(p): imported_modules(p) for p in files}


def test_does_the_product_import_nothing_from_tests():
    offenders = {module: sorted(n for n in names if n == "tests" or n.startswith("tests."))
                 for module, names in product_modules().items()}
    assert {m: n for m, n in offenders.items() if n} == {}


def test_does_course_import_nothing_from_the_grader():
    offenders = {module: sorted(n for n in names if n.split(".")[0] in ("autograder", "tests"))
                 for module, names in product_modules().items() if module.startswith("course")}
    assert {m: n for m, n in offenders.items() if n} == {}


def cycles_of(graph):
    """Every cycle a depth-first walk of {module: modules it imports} meets, each as a path."""
    state, cycles = {}, []

    def visit(module, path):
        state[module] = "open"
        for dep in sorted(graph[module]):
            if state.get(dep) == "open":
                cycles.append(path[path.index(dep):] + [dep])
            elif dep not in state:
                visit(dep, path + [dep])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_is_the_import_graph_of_the_product_free_of_cycles():
    modules = product_modules()
    # A package's __init__ importing its own submodules is how a package shows its public face.
    graph = {module: {n for n in names if n in modules and n != module and not n.startswith(module + ".")}
             for module, names in modules.items()}
    assert cycles_of(graph) == []


def test_do_the_readers_see_a_planted_cycle_and_a_planted_import(tmp_path):
    assert cycles_of({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    planted = REPO_ROOT / "autograder" / "planted_for_test.py"
    try:
        planted.write_text("def f():\n    from tests.missing import stop\n    from .grading import pipeline\n")
        assert {"tests.missing", "autograder.grading.pipeline"} <= imported_modules(planted)
    finally:
        planted.unlink()


def test_is_nbgraders_execute_step_swapped_in_one_place():
    # Two places swapping Execute (one by matching a class name) once graded with the wrong step.
    swapping = [module for module, path in
                ((module_name(p), p) for p in sorted((REPO_ROOT / "autograder").rglob("*.py")))
                if "autograde_preprocessors =" in path.read_text()]
    assert swapping == ["autograder.nbgrader_course"]


def test_are_the_course_folders_spelled_only_in_course_paths():
    # `root / "submitted"` written in ten modules is how `report` once missed the configured gradebook.
    import re
    spelled = re.compile(r'/ "(source|release|submitted|autograded|feedback|\.grading|reports|exports)"')
    # The benchmarks also lay out an nbgrader exchange and students' homes, which have folders of those names.
    offenders = [str(p.relative_to(REPO_ROOT)) for package in ("autograder", "course")
                 for p in sorted((REPO_ROOT / package).rglob("*.py"))
                 if p.name != "course_paths.py" and "benchmarks" not in p.parts and spelled.search(p.read_text())]
    assert offenders == ["autograder/nbgrader_course.py"]   # copy_course_root copies source/ itself


def test_does_no_module_import_another_modules_private_names():
    private = {}
    for package in ("autograder", "course"):
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            if "catalogue" in path.relative_to(REPO_ROOT).parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("autograder", "course"):
                    names = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                    if names:
                        private[str(path.relative_to(REPO_ROOT))] = names
    assert private == {}


def test_does_the_grading_pipeline_start_without_compiling_jsonschemas_iri_grammars():
    # rfc3987_syntax compiles Lark grammars on import: 1.3 s of every grading process's and worker's start.
    import subprocess
    import sys
    probe = "import sys, autograder.grading.pipeline, nbformat; print(sys.modules.get('rfc3987_syntax') is None)"
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
