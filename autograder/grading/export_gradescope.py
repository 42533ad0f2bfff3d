"""Export graded results in Gradescope's autograder format: one results.json per student.

Gradescope itself takes no results files: it runs an autograder zip (autograder.grading.gradescope_zip),
whose run_autograder writes results.json with `gradescope_results` below. This per-student export
is the same translation of a class graded here (every test "visible"), as an archive.

The format is Gradescope's "Autograder Specifications", Output format
(https://gradescope-autograders.readthedocs.io/en/latest/specs/): a top-level score, output and
visibility, and one entry per test with its score, max_score, name and output. Test entries carry
no "status": Gradescope marks a test passed exactly when score equals max_score, as here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from autograder.course_paths import CoursePaths

if TYPE_CHECKING:
    from autograder.grading.scores import StudentScores

# Gradescope's visibility values (Autograder Specifications, "Output format"), from soonest shown
# to never shown (after_published: once the instructor publishes the grades).
VISIBILITIES = ("visible", "after_due_date", "after_published", "hidden")
# The whole-submission output for a submission flagged for review. The review comment itself names
# the screening findings, which stay with the instructors (autograder.grading.report shows them).
REVIEW_OUTPUT = "An instructor will look at this submission; the score may change after that review."


def _submission_output(result):
    """Text about the submission as a whole: its notes, then the review sentence, one per line."""
    return "\n".join([*result.notes, *([REVIEW_OUTPUT] if result.review else [])])


def gradescope_results(result: StudentScores, visibility: dict[str, str] | None = None,
                       result_visibility: str = "visible") -> dict:
    """The results.json content of one StudentScores, as a dict in the order it is written.

    visibility: {grade_id: one of VISIBILITIES} for the test entries (default "visible");
    result_visibility: the top-level visibility, which covers the whole result and its total score.
    """
    visibility = visibility or {}
    tests = [{"name": grade_id,
              "score": float(score),
              "max_score": float(top),
              "output": "" if score >= top else result.reasons.get(grade_id, ""),
              "visibility": visibility.get(grade_id, "visible")}
             for grade_id, (score, top) in result.points.items()]
    return {"score": float(result.total[0]),
            "output": _submission_output(result),
            # Gradescope renders the top-level output as HTML ("simple_format") unless told otherwise,
            # and notes can quote a student's file names: plain text. Test outputs are text by default.
            "output_format": "text",
            "tests": tests,
            "visibility": result_visibility,
            "stdout_visibility": "hidden"}


def write_gradescope_results(course_root: str | Path, assignment: str, results: list[StudentScores]) -> list[Path]:
    """Write exports/gradescope/<assignment>/<student>/results.json under the course root.

    Inputs: results, [StudentScores] as autograder.grading.scores.read_scores returns them.
    Returns the paths written, in the order of the results. Raises ValueError for a student id that
    is not a plain folder name (it would write outside the export folder).
    """
    folder = CoursePaths(course_root, assignment).export_folder("gradescope")
    paths = []
    for result in results:
        if result.student in ("", ".", "..") or Path(result.student).name != result.student:
            raise ValueError(f"student id {result.student!r} is not a plain folder name")
        path = folder / result.student / "results.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(gradescope_results(result), indent=2) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
