"""Grade one Gradescope submission: what the autograder zip's run_autograder runs.

In Gradescope's container (autograder.grading.gradescope_zip builds the zip), /autograder/source holds this
repository's grading files, /autograder/submission the student's upload, and results go to
/autograder/results/results.json. The submission is graded by the class pipeline
(autograder.grading.pipeline: staging repairs, the sandbox, test cells run by the grader, one sentence per
lost point) in a scratch course root holding this one student, on one worker in this process.

The results hold, per test cell, its score, points, the one-sentence reason it lost points and the
visibility chosen when the zip was built (gradescope.json); the whole submission's notes as the
top-level output; and the execution time. What only an instructor should read (the review reasons,
the score table, errors of the grader's own) goes to standard output, which Gradescope shows to
instructors (stdout_visibility "hidden").

AUTOGRADER_ROOT replaces /autograder, so that tests can run the container's layout in a temporary
folder (and run_autograder reads AUTOGRADER_PYTHON); Gradescope sets neither.
"""

import dataclasses
import json
import os
import shutil
import stat
import sys
import tempfile
import time
import traceback
from pathlib import Path

from autograder.course_paths import CoursePaths, GradescopeContainer

ROOT_VARIABLE = "AUTOGRADER_ROOT"
# The one student of the scratch course root: the results never name the student.
STUDENT = "student"
# What a test's output says instead of a sentence that would quote the hidden tests' code.
WITHHELD = "This test lost points; the details are withheld because they would show hidden test code."


def container_root() -> Path:
    """/autograder, or $AUTOGRADER_ROOT (tests only)."""
    return Path(os.environ.get(ROOT_VARIABLE) or "/autograder")


def copy_submission(upload: Path, destination: Path) -> None:
    """Copy Gradescope's upload folder to submitted/<student>/<assignment>/ of the scratch course
    root: regular files and folders as they are, links as links (staging leaves them out, with a
    note), nothing else (a special file is never opened)."""
    def special(folder, names):
        return [name for name in names
                if not stat.S_ISREG(mode := os.lstat(os.path.join(folder, name)).st_mode)
                and not stat.S_ISDIR(mode) and not stat.S_ISLNK(mode)]

    if upload.is_dir() and not upload.is_symlink():
        shutil.copytree(upload, destination, symlinks=True, ignore=special)
    else:
        destination.mkdir(parents=True)


def hidden_test_lines(source_folder: Path) -> set[str]:
    """The lines of code between nbgrader's hidden-test delimiters in the source notebooks."""
    import nbformat

    from autograder.grading.gradescope_zip import HIDDEN_TESTS_BEGIN, HIDDEN_TESTS_END

    lines = set()
    for path in sorted(source_folder.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            hidden = False
            for line in cell.source.splitlines():
                if HIDDEN_TESTS_BEGIN in line:
                    hidden = True
                elif HIDDEN_TESTS_END in line:
                    hidden = False
                elif hidden and line.strip():
                    lines.add(line.strip())
    return lines


def without_test_code(text: str, lines: set[str]) -> str:
    """`text`, or WITHHELD if it quotes a line of the hidden tests (the reasons never should: a
    second guard, as the output may be shown to students)."""
    return WITHHELD if any(line in text for line in lines) else text


def results_json(result, settings: dict, seconds: float, hidden_lines: set[str]) -> dict:
    """Gradescope's results.json content for one StudentScores (autograder.grading.scores)."""
    from autograder.grading.export_gradescope import gradescope_results

    # A review is for instructors: there is none to come on Gradescope, so the student is not told
    # of one, and its reasons go to standard output.
    results = gradescope_results(dataclasses.replace(result, review=None), settings["visibility"],
                                 settings.get("result_visibility", "visible"))
    for test in results["tests"]:
        test["output"] = without_test_code(test["output"], hidden_lines)
    results["output"] = without_test_code(results["output"], hidden_lines)
    results["execution_time"] = round(seconds)
    return results


def failure_json(settings: dict, why: str, seconds: float) -> dict:
    """results.json when the grader itself could not grade: score 0 and the reason, so that neither
    student nor instructor mistakes it for a verdict on the code."""
    return {"score": 0.0,
            "output": f"This submission was not graded: {why} Your instructor has to fix the autograder "
                      "and regrade; resubmitting will not help.",
            "output_format": "text",
            "tests": [],
            "visibility": settings.get("result_visibility", "visible"),
            "stdout_visibility": "hidden",
            "execution_time": round(seconds)}


class NotGraded(RuntimeError):
    """The pipeline could not record a verdict for the submission."""


def without_feedback(run) -> None:
    """A grading step: no feedback pages. Gradescope shows students results.json alone, and nbgrader's
    feedback export would be a third of the grading time of one submission."""
    run.feedback_pages = False
    run.api.generate_feedback = lambda assignment, student: {"success": True, "log": "", "error": ""}


def grade_upload(root: Path, settings: dict):
    """Grade root/submission with the pipeline in a scratch course root; returns its StudentScores."""
    from autograder.grading import pipeline
    from autograder.grading.gradescope_zip import COURSE_ROOT_FILES
    from autograder.grading.scores import read_scores

    container = GradescopeContainer(root)
    assignment, source = settings["assignment"], container.source
    with tempfile.TemporaryDirectory(prefix="gradescope-") as scratch:
        course = Path(scratch)
        # The course root the zip holds, prepared when it was built (gradebook included).
        for name in COURSE_ROOT_FILES:
            if (source / name).is_file():
                shutil.copy(source / name, course)
        prepared, scratch_course = CoursePaths(source, assignment), CoursePaths(course, assignment)
        for folder in ("source", "release"):
            if getattr(prepared, folder).is_dir():
                shutil.copytree(getattr(prepared, folder), getattr(scratch_course, folder))
        copy_submission(container.submission, scratch_course.submitted(STUDENT))
        run = pipeline.grade(course, assignment, [STUDENT], sandbox=settings.get("sandbox", True), workers=1,
                             progress=False, steps=[without_feedback, pipeline.prepare_gradebook,
                                                    pipeline.select_submissions, pipeline.stage_submissions,
                                                    pipeline.grade_submissions])
        if STUDENT not in run.graded:
            raise NotGraded(run.not_graded.get(STUDENT, "the pipeline recorded no verdict"))
        (result,) = read_scores(course, assignment)
    return result


def main() -> int:
    """Grade the submission and write results.json; 0, or 1 when the grader could not grade."""
    # jsonschema (under nbformat) imports its optional IRI format checker, which compiles a Lark
    # grammar: half of this process's imports, 1 to 3 s of every submission. No schema grading
    # validates has that format (nbformat's have none), and jsonschema skips what it cannot import.
    sys.modules.setdefault("rfc3987_syntax", None)
    from autograder.grading.gradescope_zip import SETTINGS_FILE
    from autograder.grading.sandbox import SandboxUnavailable
    from autograder.grading.scores import format_table
    from autograder.student_text import one_line

    start = time.monotonic()
    root = container_root()
    container = GradescopeContainer(root)
    settings, code = {}, 0
    try:
        settings = json.loads((container.source / SETTINGS_FILE).read_text())
        result = grade_upload(root, settings)
        results = results_json(result, settings, time.monotonic() - start,
                               hidden_test_lines(CoursePaths(container.source, settings["assignment"]).source))
        print("\n" + format_table(settings["assignment"], [result]))
        if result.review:
            print(f"\nFor the instructor: {one_line(result.review, 8 * 2 ** 10)}")
    except SandboxUnavailable as error:
        print(f"error: {error}")
        results, code = failure_json(settings, "the grading sandbox (bubblewrap) cannot run in this "
                                     "container.", time.monotonic() - start), 1
    except Exception as error:  # whatever fails, Gradescope gets a results file that says so
        traceback.print_exc(file=sys.stdout)
        results, code = failure_json(settings, f"the grader failed ({type(error).__name__}).",
                                     time.monotonic() - start), 1
    path = container.results
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}: score {results['score']:g}")
    return code


if __name__ == "__main__":
    sys.exit(main())
