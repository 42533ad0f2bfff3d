"""What staging makes of each shape of submission a student can hand in (no nbgrader run here)."""

import json
import os

import nbformat
import pytest

from autograder.grading.stage import NOTE_CELL_TITLE, Staging, fingerprint, stage_submission
from autograder.nbgrader_course import REPO_ROOT

RELEASE = REPO_ROOT / "release" / "regularization"
NOTEBOOK = "regularization.ipynb"
COST, BACKWARD = "compute_cost_with_regularization", "backward_propagation_with_regularization"


@pytest.fixture
def submitted(tmp_path):
    folder = tmp_path / "submitted" / "ada" / "regularization"
    folder.mkdir(parents=True)
    return folder


def release_notebook():
    return nbformat.read(RELEASE / NOTEBOOK, as_version=4)


def stage(tmp_path, submitted, **limits):
    return stage_submission(submitted, RELEASE, tmp_path / "staged" / "ada" / "regularization", Staging(**limits))


def index_of(notebook, grade_id):
    """Where the cell with this nbgrader grade_id is (the notebook's layout may change)."""
    return next(i for i, cell in enumerate(notebook.cells) if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def graded_cells(path):
    return [(cell.cell_type, cell.metadata["nbgrader"]["grade_id"])
            for cell in nbformat.read(path, as_version=4).cells if "nbgrader" in cell.metadata]


def test_does_a_well_formed_submission_pass_unchanged_without_notes(tmp_path, submitted):
    nbformat.write(release_notebook(), submitted / NOTEBOOK)
    staged = stage(tmp_path, submitted)
    assert staged.notes == []
    assert graded_cells(staged.folder / NOTEBOOK) == graded_cells(RELEASE / NOTEBOOK)
    assert [c.source for c in nbformat.read(staged.folder / NOTEBOOK, as_version=4).cells] == \
           [c.source for c in release_notebook().cells]


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b'{"cells": [', "is not valid JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b'{"hello": 1}', "not a Jupyter notebook"),
])
def test_is_an_unreadable_notebook_replaced_by_the_blank_release_with_a_reason(tmp_path, submitted, content, reason):
    (submitted / NOTEBOOK).write_bytes(content)
    staged = stage(tmp_path, submitted)
    assert len(staged.notes) == 1 and reason in staged.notes[0] and "every test scores 0" in staged.notes[0]
    graded = nbformat.read(staged.folder / NOTEBOOK, as_version=4)
    assert graded.cells[0].source.startswith(NOTE_CELL_TITLE) and reason in graded.cells[0].source
    assert [c.source for c in graded.cells[1:]] == [c.source for c in release_notebook().cells]
    assert (submitted / NOTEBOOK).read_bytes() == content   # the student's file is kept as handed in


def test_is_a_renamed_notebook_graded_in_place_of_the_missing_one(tmp_path, submitted):
    notebook = release_notebook()
    notebook.cells[index_of(notebook, COST)].source = f"def {COST}(A3, Y, parameters, lambd):\n    return 1.0\n"
    nbformat.write(notebook, submitted / "regularization (1).ipynb")
    staged = stage(tmp_path, submitted)
    assert staged.notes == ["No regularization.ipynb was handed in; regularization (1).ipynb, the only other "
                            "notebook, was graded in its place."]
    graded = nbformat.read(staged.folder / NOTEBOOK, as_version=4)
    assert "return 1.0" in graded.cells[index_of(graded, COST)].source


def test_is_an_empty_folder_graded_as_the_blank_release(tmp_path, submitted):
    staged = stage(tmp_path, submitted)
    assert staged.notes == ["No regularization.ipynb was handed in; the blank release notebook was graded instead, "
                            "so every test scores 0."]
    assert (staged.folder / NOTEBOOK).exists()


def test_does_a_duplicated_graded_cell_keep_only_its_last_copy(tmp_path, submitted):
    notebook = release_notebook()
    i = index_of(notebook, COST)
    first = nbformat.from_dict(json.loads(json.dumps(notebook.cells[i])))
    first.source = f"def {COST}(*args):\n    return 0.0\n"
    notebook.cells.insert(i, first)
    (submitted / NOTEBOOK).write_text(json.dumps(notebook))   # as handed in: two cells with one id
    staged = stage(tmp_path, submitted)
    assert staged.notes == ["The cell `compute_cost_with_regularization` appeared more than once; the last copy was "
                            "graded and the others ran as plain cells."]
    cells = nbformat.read(staged.folder / NOTEBOOK, as_version=4).cells[1:]
    assert "return 0.0" in cells[i].source and "nbgrader" not in cells[i].metadata
    assert cells[i + 1].metadata["nbgrader"]["grade_id"] == COST and cells[i + 1].metadata["nbgrader"]["solution"]
    assert len({cell.id for cell in cells}) == len(cells)


def test_are_deleted_cells_put_back_where_they_were(tmp_path, submitted):
    notebook = release_notebook()
    for grade_id in (BACKWARD, f"test_{BACKWARD}"):   # the backward solution cell and its test cell
        del notebook.cells[index_of(notebook, grade_id)]
    nbformat.write(notebook, submitted / NOTEBOOK)
    staged = stage(tmp_path, submitted)
    assert staged.notes == ["The cell `backward_propagation_with_regularization`, "
                            "`test_backward_propagation_with_regularization` was missing and was put back from the "
                            "release notebook (a solution cell comes back blank)."]
    assert graded_cells(staged.folder / NOTEBOOK) == graded_cells(RELEASE / NOTEBOOK)


def test_is_a_test_cell_turned_into_markdown_graded_as_code(tmp_path, submitted):
    notebook = release_notebook()
    i = index_of(notebook, f"test_{COST}")
    cell = notebook.cells[i]
    notebook.cells[i] = nbformat.v4.new_markdown_cell(cell.source, metadata=cell.metadata)
    nbformat.write(notebook, submitted / NOTEBOOK)
    staged = stage(tmp_path, submitted)
    assert staged.notes == ["The cell `test_compute_cost_with_regularization` had its type changed; it was graded "
                            "with the type of the release notebook."]
    assert graded_cells(staged.folder / NOTEBOOK) == graded_cells(RELEASE / NOTEBOOK)


def test_are_moved_cells_reported(tmp_path, submitted):
    notebook = release_notebook()
    i, j = index_of(notebook, COST), index_of(notebook, f"test_{COST}")
    notebook.cells[i], notebook.cells[j] = notebook.cells[j], notebook.cells[i]
    nbformat.write(notebook, submitted / NOTEBOOK)
    staged = stage(tmp_path, submitted)
    assert staged.notes == ["Some cells of the release notebook were moved; they ran in the order of your notebook."]


def test_are_links_huge_files_and_forged_metadata_left_out(tmp_path, submitted):
    notebook = release_notebook()
    plain = next(cell for cell in notebook.cells[1:] if cell.cell_type == "markdown" and "nbgrader" not in cell.metadata)
    plain.metadata["nbgrader"] = {"grade": True, "grade_id": "my_own_points", "points": 100}
    nbformat.write(notebook, submitted / NOTEBOOK)
    os.symlink("../../../gradebook.db", submitted / "notes.json")
    (submitted / "weights.npy").write_bytes(b"0" * (2 * 2 ** 20 + 1))
    (submitted / "data.csv").write_text("1,2\n")
    staged = stage(tmp_path, submitted, max_file_mib=2)
    assert staged.notes == ["Not graded, and not given to your code: notes.json (a link to ../../../gradebook.db); "
                            "weights.npy (2.0 MiB, over the 2 MiB limit per file)."]
    assert sorted(p.name for p in staged.folder.iterdir()) == ["data.csv", NOTEBOOK]
    assert graded_cells(staged.folder / NOTEBOOK) == graded_cells(RELEASE / NOTEBOOK)


def test_does_the_fingerprint_change_with_content_and_links_but_not_with_nothing(tmp_path, submitted):
    nbformat.write(release_notebook(), submitted / NOTEBOOK)
    before = fingerprint(submitted)
    assert fingerprint(submitted) == before
    (submitted / "extra.txt").write_text("x")
    changed = fingerprint(submitted)
    assert changed != before
    (submitted / "extra.txt").write_text("y")
    assert fingerprint(submitted) != changed
    os.symlink("extra.txt", submitted / "link")
    assert fingerprint(submitted) not in (before, changed)


def test_is_a_notebook_over_the_size_limit_graded_as_the_blank_release_and_not_as_missing(tmp_path, submitted):
    notebook = release_notebook()
    notebook.cells.append(nbformat.v4.new_markdown_cell("x" * (2 * 2 ** 20)))
    nbformat.write(notebook, submitted / NOTEBOOK)
    nbformat.write(release_notebook(), submitted / "backup.ipynb")   # not graded in its place
    staged = stage(tmp_path, submitted, max_file_mib=1)
    assert staged.notes[1] == ("regularization.ipynb was left out (see above); the blank release notebook was "
                               "graded instead, so every test scores 0.")
    assert "regularization.ipynb (2.0 MiB, over the 1 MiB limit per file)" in staged.notes[0]


def test_is_a_notebook_handed_in_as_a_link_never_followed(tmp_path, submitted):
    (tmp_path / "secret.ipynb").write_text(nbformat.writes(release_notebook()))
    os.symlink(tmp_path / "secret.ipynb", submitted / NOTEBOOK)
    staged = stage(tmp_path, submitted)
    assert "regularization.ipynb (a link to" in staged.notes[0] and "was left out" in staged.notes[1]
    assert not (staged.folder / NOTEBOOK).is_symlink()


def test_is_a_broken_version_3_notebook_unreadable_with_a_reason(tmp_path, submitted):
    (submitted / NOTEBOOK).write_text(json.dumps({"nbformat": 3, "nbformat_minor": 0, "worksheets": "nonsense"}))
    staged = stage(tmp_path, submitted)
    assert "old (version 3) notebook that cannot be converted" in staged.notes[0]


def test_does_the_blank_fallback_grade_every_notebook_of_the_release_with_the_reason(tmp_path):
    from autograder.grading.stage import stage_blank

    staged = stage_blank(RELEASE, tmp_path / "staged" / "ada" / "regularization", "The grader failed.")
    assert staged.notes == ["The grader failed."] and staged.notebooks == [NOTEBOOK]
    cells = nbformat.read(staged.folder / NOTEBOOK, as_version=4).cells
    assert "The grader failed." in cells[0].source
    assert [c.source for c in cells[1:]] == [c.source for c in release_notebook().cells]


def notebook_with_figure_outputs(mib):
    """The release notebook as a student saves it after running it: every code cell shows a figure,
    `mib` MiB of base64 PNG outputs in all, plus a Markdown cell with an attached image."""
    notebook = release_notebook()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    figure = "iVBORw0KGgo" + "A" * (mib * 2 ** 20 // len(code))
    for cell in code:
        cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": figure, "text/plain": "<Figure>"})]
    notebook.cells.append(nbformat.v4.new_markdown_cell("![plot](attachment:plot.png)",
                                                        attachments={"plot.png": {"image/png": figure}}))
    return notebook


def test_is_a_notebook_with_18_mib_of_figure_outputs_graded_on_its_cells(tmp_path, submitted):
    # Outputs and attachments are stripped before grading, so they do not count against the limit.
    notebook = notebook_with_figure_outputs(18)
    notebook.cells[index_of(notebook, COST)].source = "# my answer\n"
    nbformat.write(notebook, submitted / NOTEBOOK)
    assert (submitted / NOTEBOOK).stat().st_size > 18 * 2 ** 20
    staged = stage(tmp_path, submitted)
    assert staged.notes == []
    graded = nbformat.read(staged.folder / NOTEBOOK, as_version=4)
    assert graded.cells[index_of(graded, COST)].source == "# my answer\n"
    assert (staged.folder / NOTEBOOK).stat().st_size < 2 ** 20


def test_is_a_notebook_handed_in_beside_210_small_files_graded_and_only_the_files_over_the_count_left_out(
        tmp_path, submitted):
    notebook = release_notebook()
    notebook.cells[index_of(notebook, COST)].source = "# my answer\n"
    nbformat.write(notebook, submitted / NOTEBOOK)
    for index in range(210):   # animation frames, named so that they sort before the notebook
        (submitted / f"frame_{index:03d}.png").write_bytes(b"\x89PNG frame")
    staged = stage(tmp_path, submitted)
    assert len(staged.notes) == 1 and "over the limit of 200 files" in staged.notes[0], staged.notes
    assert "blank release" not in staged.notes[0] and NOTEBOOK not in staged.notes[0]
    graded = nbformat.read(staged.folder / NOTEBOOK, as_version=4)
    assert graded.cells[index_of(graded, COST)].source == "# my answer\n"
    assert len(list(staged.folder.glob("frame_*.png"))) == 200


def test_is_a_notebook_over_the_raw_cap_left_out_before_it_is_read(tmp_path, submitted):
    # A generous cap on the file as handed in: the grader does not parse a notebook of any size.
    nbformat.write(notebook_with_figure_outputs(3), submitted / NOTEBOOK)
    staged = stage(tmp_path, submitted, max_notebook_mib=2)
    assert "MiB, over the 2 MiB limit per notebook file)" in staged.notes[0], staged.notes
    assert "the blank release notebook was graded instead" in staged.notes[1]


def test_does_a_markdown_cell_with_a_pasted_image_still_render_once_attachments_are_dropped(tmp_path, submitted):
    # nbconvert refuses a Markdown image that names an attachment the cell no longer has, and the
    # student's feedback page is rendered from the graded copy.
    from nbconvert import HTMLExporter

    nbformat.write(notebook_with_figure_outputs(1), submitted / NOTEBOOK)
    staged = stage(tmp_path, submitted)
    graded = nbformat.read(staged.folder / NOTEBOOK, as_version=4)
    assert all(not cell.get("attachments") for cell in graded.cells)
    page, _ = HTMLExporter().from_notebook_node(graded)
    assert "my answer" not in page and "plot" in page
