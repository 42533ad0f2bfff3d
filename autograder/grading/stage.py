"""Turn whatever a student handed in into a submission nbgrader can grade, and say what was changed.

nbgrader stops on many shapes of submission (an empty or broken notebook, a renamed one, a
duplicated graded cell, a deleted test cell, ...), and one stop used to end the whole batch. Here
every submission folder is copied to a staging folder that nbgrader grades instead of
submitted/ (the student's files there are never touched), and on the way:

- the assignment's notebooks are read first, and outside the limits on other files: each is
  rebuilt from its cells' types, sources and nbgrader metadata alone (outputs and attachments
  dropped), so a notebook that JSON can read always becomes a valid one, and its size is judged
  after that (a notebook saved with many figures, or beside many files, keeps its points);
- of the other files only regular ones are copied: links, special files, hidden folders and files
  over the size limits are left out (nbgrader would follow a link to the gradebook with the
  grader's rights);
- a notebook that is missing or cannot be read is replaced by the blank release notebook (every
  test then scores 0), and a missing notebook handed in under another name is graded in its place;
- graded and locked cells get the release's nbgrader metadata back; a duplicated one keeps its last
  copy (as nbgrader does) and the others become plain cells; deleted ones are put back from the
  release; a solution cell changed to Markdown is graded as code again;
- every change is one sentence in `StagedSubmission.notes`, which goes to the gradebook, the score
  table, grades.csv and (as a first Markdown cell) the student's feedback.

Limits are traitlets options, `c.Staging.<name>` in nbgrader_config.py.
"""

import copy
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_raw_cell
from traitlets import Integer
from traitlets.config import LoggingConfigurable

from autograder.student_text import file_name

# The first cell of a notebook whose submission was changed before grading starts with this.
NOTE_CELL_TITLE = "**Grading note.**"
TIMESTAMP_FILE = "timestamp.txt"


class Staging(LoggingConfigurable):
    """What of a submission folder reaches grading (set as c.Staging.<name>)."""

    max_file_mib = Integer(16, help=(
        "Largest file of a submission copied for grading, in MiB; larger ones are left out with "
        "a note. A notebook of the assignment is measured without its outputs and attachments (one "
        "over the limit even then is graded as the blank release notebook).")).tag(config=True)
    max_notebook_mib = Integer(256, help=(
        "Largest notebook of the assignment read at all, in MiB, outputs included: a generous cap "
        "that only keeps the grader from parsing a file of any size.")).tag(config=True)
    max_total_mib = Integer(64, help=(
        "Most data copied from one submission folder besides the assignment's notebooks, in MiB.")).tag(config=True)
    max_files = Integer(200, help=(
        "Most files copied from one submission folder besides the assignment's notebooks.")).tag(config=True)


@dataclass
class StagedSubmission:
    """One student's submission, ready for nbgrader.

    - folder: staging/<student>/<assignment>/, what nbgrader grades
    - notes: one sentence per change made before grading (empty for a well-formed submission)
    - notebooks: the notebook file names of the assignment, all present in `folder`
    """
    student: str
    folder: Path
    notes: list[str] = field(default_factory=list)
    notebooks: list[str] = field(default_factory=list)


class Unreadable(Exception):
    """A notebook file that cannot be turned into a notebook; its message ends a sentence."""


def fingerprint(folder: Path) -> str:
    """A hash of everything in a submission folder (names, kinds, link targets, contents).

    Used to grade again only the submissions that changed since their last grading.
    """
    digest = hashlib.sha256()
    folder = Path(folder)
    if not folder.is_dir():
        return "missing"
    for directory, subdirectories, files in os.walk(folder):   # os.walk never follows links
        subdirectories.sort()
        for name in sorted(files + [d for d in subdirectories if (Path(directory) / d).is_symlink()]):
            path = Path(directory) / name
            # os.fsencode: a name that is not UTF-8 is read with surrogates and hashed as its bytes.
            digest.update(os.fsencode(path.relative_to(folder)) + b"\0")
            if path.is_symlink():
                digest.update(b"link:" + os.fsencode(os.readlink(path)))
            elif path.is_file():
                with open(path, "rb") as stream:
                    for block in iter(lambda: stream.read(2 ** 20), b""):
                        digest.update(block)
            else:
                digest.update(b"special")
            digest.update(b"\0")
    return digest.hexdigest()


def _mib(size):
    return f"{size / 2 ** 20:.1f} MiB"


def copy_regular_files(source: Path, destination: Path, limits: Staging, skip: Collection[str] = ()) -> list[str]:
    """Copy the regular files of `source` into `destination`, within `limits` (a Staging), except
    the top-level names in `skip` (the assignment's notebooks, staged on their own).

    Returns one phrase per entry left out (link, special file, too large, over the limits); names
    in it are shown safely (autograder.student_text.file_name: no control characters, non-UTF-8
    bytes as \\xNN).
    """
    left_out = []
    copied_files, copied_bytes = 0, 0
    for directory, subdirectories, files in os.walk(source):
        directory = Path(directory)
        # Hidden folders (.ipynb_checkpoints, .git, ...) are never graded, and need no note.
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files) + [d for d in subdirectories if (directory / d).is_symlink()]:
            path = directory / name
            relative = file_name(path.relative_to(source))
            if directory == Path(source) and name in skip:
                continue
            if path.is_symlink():
                left_out.append(f"{relative} (a link to {file_name(os.readlink(path))})")
                continue
            if not path.is_file():
                left_out.append(f"{relative} (not a regular file)")
                continue
            size = path.stat().st_size
            if size > limits.max_file_mib * 2 ** 20:
                left_out.append(f"{relative} ({_mib(size)}, over the {limits.max_file_mib} MiB limit per file)")
                continue
            if copied_files >= limits.max_files or copied_bytes + size > limits.max_total_mib * 2 ** 20:
                left_out.append(f"{relative} (over the limit of {limits.max_files} files or "
                                f"{limits.max_total_mib} MiB per submission)")
                continue
            target = destination / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            copied_files, copied_bytes = copied_files + 1, copied_bytes + size
        subdirectories[:] = [d for d in subdirectories if not (directory / d).is_symlink()]
    return left_out


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """The notebook in `path`, rebuilt from its cells' types, sources and metadata only.

    A notebook JSON can read always becomes a valid nbformat 4 notebook this way: outputs,
    attachments and every malformed field are dropped (grading clears outputs anyway).
    Raises Unreadable with the reason otherwise.
    """
    data = path.read_bytes()
    if not data.strip():
        raise Unreadable("is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable("is not text (it is not UTF-8)") from None
    try:
        content = json.loads(text)
    except json.JSONDecodeError as error:
        raise Unreadable(f"is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}): "
                         "it was probably cut short or edited by hand") from None
    if isinstance(content, dict) and content.get("nbformat") == 3:
        try:
            content = json.loads(nbformat.writes(nbformat.reads(text, as_version=4)))
        except Exception as error:  # nbformat's conversion fails in many ways on a broken file
            raise Unreadable(f"is an old (version 3) notebook that cannot be converted ({type(error).__name__})") from None
    cells = content.get("cells") if isinstance(content, dict) else None
    if not isinstance(cells, list):
        raise Unreadable("is JSON but not a Jupyter notebook (it has no list of cells)")
    notebook = new_notebook()
    if isinstance(content.get("metadata"), dict):
        notebook.metadata = nbformat.from_dict({key: value for key, value in content["metadata"].items()
                                                if key in ("kernelspec", "language_info")})
    makers = {"code": new_code_cell, "markdown": new_markdown_cell, "raw": new_raw_cell}
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(part for part in source if isinstance(part, str))
        if not isinstance(source, str):
            source = ""
        if cell.get("attachments") and cell.get("cell_type") != "code":
            # The attachments are dropped: a reference to one would stop nbconvert from rendering
            # the feedback page ("missing attachment"), so it points nowhere instead.
            source = source.replace("attachment:", "#attachment-left-out:")
        new = makers.get(cell.get("cell_type"), new_markdown_cell)(source=source)
        metadata = cell.get("metadata")
        if isinstance(metadata, dict) and isinstance(metadata.get("nbgrader"), dict):
            new.metadata["nbgrader"] = nbformat.from_dict(metadata["nbgrader"])
        notebook.cells.append(new)
    return notebook


def read_assignment_notebook(path: Path, limits: Staging):
    """The assignment's notebook at `path` as grading will see it (read_notebook), or why not.

    Returns (notebook, None), (None, phrase for the left-out files) or (None, Unreadable). The size
    limit applies to the notebook without its outputs and attachments, which grading drops anyway.
    """
    name = path.name
    if path.is_symlink():
        return None, f"{name} (a link to {os.readlink(path)})"
    if not path.is_file():
        return None, f"{name} (not a regular file)"
    size = path.stat().st_size
    if size > limits.max_notebook_mib * 2 ** 20:
        return None, f"{name} ({_mib(size)}, over the {limits.max_notebook_mib} MiB limit per notebook file)"
    try:
        notebook = read_notebook(path)
    except Unreadable as error:
        return None, error
    size = len(nbformat.writes(notebook).encode())
    if size > limits.max_file_mib * 2 ** 20:
        return None, f"{name} ({_mib(size)}, over the {limits.max_file_mib} MiB limit per file)"
    return notebook, None


def _grade_id(cell):
    meta = cell.metadata.get("nbgrader")
    return meta.get("grade_id") if isinstance(meta, dict) and isinstance(meta.get("grade_id"), str) else None


def _as_type(cell, cell_type):
    """A copy of `cell` as a cell of type `cell_type` (same source and metadata)."""
    makers = {"code": new_code_cell, "markdown": new_markdown_cell, "raw": new_raw_cell}
    new = makers[cell_type](source=cell.source)
    new.metadata = cell.metadata
    return new


def repair_cells(notebook: nbformat.NotebookNode, release: nbformat.NotebookNode) -> list[str]:
    """Make the nbgrader cells of `notebook` those of `release`; returns one sentence per repair.

    - cells whose grade_id the release has get the release's nbgrader metadata and cell type;
    - of several cells with one grade_id the last keeps it, the others become plain cells;
    - nbgrader metadata with a grade_id the release does not have is dropped;
    - release cells with a grade_id that are missing are put back after the cell that precedes them.
    """
    notes = []
    release_cells = {_grade_id(cell): cell for cell in release.cells if _grade_id(cell)}
    release_order = list(release_cells)
    seen, duplicated, retyped = set(), [], []
    cells = list(notebook.cells)
    for index in reversed(range(len(cells))):
        cell = cells[index]
        grade_id = _grade_id(cell)
        if grade_id is None or grade_id not in release_cells or grade_id in seen:
            if grade_id in seen:
                duplicated.append(grade_id)
            cell.metadata.pop("nbgrader", None)
            continue
        seen.add(grade_id)
        model = release_cells[grade_id]
        if cell.cell_type != model.cell_type:
            retyped.append(grade_id)
            cell = cells[index] = _as_type(cell, model.cell_type)
        cell.metadata["nbgrader"] = copy.deepcopy(model.metadata["nbgrader"])
        for key in ("editable", "deletable"):
            if key in model.metadata:
                cell.metadata[key] = model.metadata[key]
            else:
                cell.metadata.pop(key, None)
    if duplicated:
        notes.append(f"The cell {_names(sorted(set(duplicated)))} appeared more than once; the last copy was "
                     "graded and the others ran as plain cells.")
    if retyped:
        notes.append(f"The cell {_names(sorted(retyped))} had its type changed; it was graded with the type "
                     "of the release notebook.")
    present = [grade_id for grade_id in (_grade_id(cell) for cell in cells) if grade_id]
    if present != [grade_id for grade_id in release_order if grade_id in seen]:
        notes.append("Some cells of the release notebook were moved; they ran in the order of your notebook.")
    missing = [grade_id for grade_id in release_order if grade_id not in seen]
    for grade_id in missing:
        position = release_order.index(grade_id)
        before = set(release_order[:position])
        index = max((i + 1 for i, cell in enumerate(cells) if _grade_id(cell) in before), default=0)
        restored = copy.deepcopy(release_cells[grade_id])
        if restored.cell_type == "code":
            restored.outputs, restored.execution_count = [], None
        cells.insert(index, restored)
    if missing:
        solutions = [g for g in missing if release_cells[g].metadata["nbgrader"].get("solution")]
        notes.append(f"The cell {_names(missing)} was missing and was put back from the release notebook"
                     + (" (a solution cell comes back blank)." if solutions else "."))
    used = set()
    for cell in cells:   # unique cell ids: copies and restored cells may repeat one
        if not isinstance(cell.get("id"), str) or cell.id in used:
            cell.id = uuid.uuid4().hex[:8]
        used.add(cell.id)
    notebook.cells = cells
    return notes


def _names(grade_ids):
    return ", ".join(f"`{grade_id}`" for grade_id in grade_ids) if len(grade_ids) > 1 else f"`{grade_ids[0]}`"


def note_cell(notes: list[str]) -> nbformat.NotebookNode:
    """The Markdown cell put first in a notebook whose submission was changed before grading."""
    lines = [NOTE_CELL_TITLE + " Before grading, the grader changed your submission as follows:", ""]
    lines += [f"- {note}" for note in notes]
    cell = new_markdown_cell("\n".join(lines))
    cell.id = "grading-note-" + uuid.uuid4().hex[:8]
    return cell


def stage_submission(submitted: Path, release: Path, staged: Path, limits: Staging | None = None) -> StagedSubmission:
    """Build the graded copy of one submission folder.

    Inputs:
    - submitted: submitted/<student>/<assignment>/ (read only; it may be missing or hold anything)
    - release: release/<assignment>/, whose notebooks are the assignment's notebooks
    - staged: the folder to write, staging/<student>/<assignment>/ (replaced if it exists)
    - limits: a Staging (default: its defaults)
    Returns a StagedSubmission.
    """
    submitted, release, staged = Path(submitted), Path(release), Path(staged)
    limits = limits or Staging()
    if staged.exists():
        shutil.rmtree(staged)
    staged.mkdir(parents=True)
    notes = []
    expected = sorted(path.name for path in release.glob("*.ipynb"))
    read, unreadable = {}, {}
    if submitted.is_dir() and not submitted.is_symlink():
        # The assignment's notebooks first, outside the limits on other files: many or large files
        # handed in beside a notebook never cost the notebook its place.
        left_out = []
        for name in expected:
            if os.path.lexists(submitted / name):
                notebook, why = read_assignment_notebook(submitted / name, limits)
                if notebook is not None:
                    read[name] = notebook
                elif isinstance(why, Unreadable):
                    unreadable[name] = why
                else:
                    left_out.append(why)
        left_out += copy_regular_files(submitted, staged, limits, skip=set(expected))
        if left_out:
            notes.append("Not graded, and not given to your code: " + "; ".join(left_out) + ".")
    else:
        notes.append("No submission folder was found.")
    handed_in = sorted({*read, *unreadable, *(path.name for path in staged.glob("*.ipynb"))})
    others = [name for name in handed_in if name not in expected]
    for name in expected:
        release_notebook = nbformat.read(release / name, as_version=4)
        source_name = name
        if name not in handed_in and os.path.lexists(submitted / name):
            notes.append(f"{name} was left out (see above); the blank release notebook was graded instead, so "
                         "every test scores 0.")
            _write(release_notebook, staged / name)
            continue
        if name not in handed_in:
            if len(others) == 1 and len(expected) == 1:
                source_name = others[0]
                notes.append(f"No {name} was handed in; {file_name(source_name)}, the only other notebook, was graded "
                             "in its place.")
            else:
                handed_in = ", ".join(map(file_name, others))
                notes.append(f"No {name} was handed in" + (f" (there is {handed_in}, and the grader cannot "
                             "tell which one is meant)" if others else "")
                             + "; the blank release notebook was graded instead, so every test scores 0.")
                _write(release_notebook, staged / name)
                continue
        try:
            if source_name in unreadable:
                raise unreadable[source_name]
            notebook = read[source_name] if source_name in read else read_notebook(staged / source_name)
        except Unreadable as error:
            notes.append(f"{file_name(source_name)} {error}; the blank release notebook was graded instead, so every test "
                         "scores 0.")
            _write(release_notebook, staged / name)
            continue
        repairs = repair_cells(notebook, release_notebook)
        notes += [f"{name}: {repair}" for repair in repairs] if len(expected) > 1 else repairs
        _write(notebook, staged / name)
    timestamp = staged / TIMESTAMP_FILE
    if timestamp.exists() and not _valid_timestamp(timestamp):
        timestamp.unlink()
        notes.append(f"{TIMESTAMP_FILE} could not be read; the time the submission reached the course counts.")
    if notes:   # every notebook carries the notes of the whole submission
        for name in expected:
            notebook = nbformat.read(staged / name, as_version=4)
            notebook.cells.insert(0, note_cell(notes))
            nbformat.write(notebook, staged / name)
    return StagedSubmission(student=staged.parent.name, folder=staged, notes=notes, notebooks=expected)


def stage_blank(release: Path, staged: Path, why: str) -> StagedSubmission:
    """The fallback when a submission cannot be staged at all (an error of the grader's own): every
    notebook of the assignment is the blank release notebook, with `why` as the note."""
    if staged.exists():
        shutil.rmtree(staged)
    staged.mkdir(parents=True)
    notebooks = sorted(path.name for path in Path(release).glob("*.ipynb"))
    for name in notebooks:
        notebook = nbformat.read(Path(release) / name, as_version=4)
        notebook.cells.insert(0, note_cell([why]))
        _write(notebook, staged / name)
    return StagedSubmission(student=staged.parent.name, folder=staged, notes=[why], notebooks=notebooks)


def _write(notebook, path):
    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(notebook, path)


def _valid_timestamp(path):
    from nbgrader.utils import parse_utc

    try:
        parse_utc(path.read_text().strip())
    except Exception:  # any unparsable text is just "no time"
        return False
    return True
