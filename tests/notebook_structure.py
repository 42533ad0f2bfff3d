"""What every assignment notebook must look like, as functions that return the problems they find.

The conventions a notebook author follows (tests/test_notebook_structure.py applies them to every
notebook in source/):

- Sections are numbered `## 1. ...`, `## 2. ...` without gaps (unnumbered `##` sections such as
  "The data" or "What to remember" are allowed anywhere).
- Every graded function is introduced by a heading `### Exercise N: ...` in its section, numbered
  1, 2, ... in order, and the text between that heading and the function's solution cell names the
  function in backticks (`name` or `name(...)`).
- A markdown cell that starts with `**Expected output**` and holds a fenced block gives what the
  code cell right above it prints on stdout, line for line. If that first line says the numbers
  vary ("vary", "varies"), only the shape is compared: the same lines with every number replaced.
- A backticked span right after the word "prints" (prints `cost 0.6931`) is what the nearest code
  cell above prints: it must appear in that cell's output.
- Optional depth goes in `<details>` blocks; the core text (markdown outside them) stays short.
"""

import re

CORE_WORDS = 1600

SECTION = re.compile(r"^## (\d+)\.", re.M)
HEADING = re.compile(r"^(#{1,3}) (.*)$", re.M)
EXERCISE = re.compile(r"^### Exercise (\d+)\b", re.M)
EXPECTED = re.compile(r"\A\*\*Expected output")
FENCED = re.compile(r"```[a-z]*\n(.*?)```", re.S)
PRINTS = re.compile(r"\bprints `([^`]+)`")
NUMBER = re.compile(r"[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:e[-+]?\d+)?%?")
DETAILS = re.compile(r"<details>.*?</details>", re.S)


def _nbgrader(cell):
    return cell.metadata.get("nbgrader", {})


def graded_functions(cell):
    """Names of the functions a solution cell defines (a graded cell's top-level defs)."""
    if cell.cell_type != "code" or not _nbgrader(cell).get("solution"):
        return []
    return re.findall(r"^def (\w+)\(", cell.source, re.M)


def numbering_problems(notebook):
    """Sections that skip a number, and exercises out of order."""
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    problems = []
    sections = [int(n) for n in SECTION.findall(text)]
    if sections != list(range(1, len(sections) + 1)):
        problems.append(f"sections are numbered {sections}, not 1 to {len(sections)} without gaps")
    exercises = [int(n) for n in EXERCISE.findall(text)]
    if exercises != list(range(1, len(exercises) + 1)):
        problems.append(f"exercises are numbered {exercises}, not 1 to {len(exercises)} in order")
    return problems


def exercise_problems(notebook):
    """Graded functions without an exercise heading in their section that names them in backticks."""
    problems, exercise_text = [], None
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for level, title in HEADING.findall(cell.source):
                if level == "##" or (level == "###" and title.startswith("Exercise")):
                    exercise_text = "" if title.startswith("Exercise") else None
            if exercise_text is not None:
                start = [m.start() for m in EXERCISE.finditer(cell.source)]
                exercise_text += cell.source[start[-1]:] if start else cell.source
            continue
        for name in graded_functions(cell):
            if exercise_text is None:
                problems.append(f"`{name}` has no '### Exercise N' heading above it in its section")
            elif not re.search(rf"`{name}(\(.*?\))?`", exercise_text):
                problems.append(f"the exercise before `{name}` does not name it in backticks")
    return problems


def core_words(notebook):
    """Words of the markdown outside <details> blocks."""
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    return len(DETAILS.sub("", text).split())


def stdout(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.output_type == "stream" and o.name == "stdout")


def shape(text):
    """The text with each number replaced by # and runs of spaces folded (for outputs that vary)."""
    return [re.sub(r"\s+", " ", NUMBER.sub("#", line)).strip() for line in text.strip().splitlines()]


def expected_output_problems(executed):
    """Expected outputs and quoted printed figures that the executed notebook does not print.

    Returns (problems, how many blocks and quotes were compared)."""
    problems, compared, last_code = [], 0, None
    for i, cell in enumerate(executed.cells):
        if cell.cell_type == "code":
            last_code = cell
            continue
        before = executed.cells[i - 1] if i else None
        block = FENCED.search(cell.source)
        if EXPECTED.match(cell.source) and block:
            compared += 1
            if before is None or before.cell_type != "code":
                problems.append(f"cell {i}: an expected output must follow the code cell that prints it")
                continue
            printed, want = stdout(before), block.group(1)
            if re.search(r"\bvar(y|ies)\b", cell.source.splitlines()[0]):
                if shape(printed) != shape(want):
                    problems.append(f"cell {i}: the output has another shape than its expected output:\n"
                                    f"expected:\n{want}\nprinted:\n{printed}")
            elif [line.rstrip() for line in printed.strip().splitlines()] != \
                    [line.rstrip() for line in want.strip().splitlines()]:
                problems.append(f"cell {i}: the output differs from its expected output:\n"
                                f"expected:\n{want}\nprinted:\n{printed}")
        for quoted in PRINTS.findall(cell.source):
            compared += 1
            printed = " ".join(stdout(last_code).split()) if last_code is not None else ""
            if " ".join(quoted.split()) not in printed:
                problems.append(f"cell {i}: the text says the cell above prints `{quoted}`; it printed:\n{printed}")
    return problems, compared
