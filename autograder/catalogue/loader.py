"""Load the catalogue of student-style implementations (see initialization/README.md)."""

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

CATALOGUE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Case:
    """One student implementation of one graded function."""
    assignment: str
    function_name: str
    name: str
    path: Path
    expect_pass: bool
    mentions: tuple
    summary: str

    @property
    def id(self):
        return f"{self.function_name}/{self.name}"

    def source(self):
        return self.path.read_text()

    def load(self):
        """Import the case file as a fresh module and return its function."""
        spec = importlib.util.spec_from_file_location(f"catalogue_{self.assignment}_{self.name}", self.path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return getattr(module, self.function_name)


def _parse(assignment, path):
    text = path.read_text()
    docstring = re.match(r'\s*"""(.*?)"""', text, re.S)
    if not docstring:
        raise ValueError(f"{path}: a case starts with a docstring")
    body = docstring.group(1)
    expect = re.search(r"^expect:\s*(pass|fail)\s*$", body, re.M)
    if not expect:
        raise ValueError(f"{path}: the docstring needs a line 'expect: pass' or 'expect: fail'")
    mentions = re.search(r"^mentions:\s*(.+)$", body, re.M)
    return Case(assignment=assignment, function_name=path.parent.name, name=path.stem, path=path,
                expect_pass=expect.group(1) == "pass",
                mentions=tuple(m.strip() for m in mentions.group(1).split(",")) if mentions else (),
                summary=body.strip().splitlines()[0])


def load_cases(assignment):
    """All cases of an assignment, sorted by function and name."""
    return [_parse(assignment, path)
            for path in sorted((CATALOGUE_DIR / assignment).glob("*/*.py"))]
