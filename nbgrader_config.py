"""nbgrader configuration: the repository root is the course root.

Instructors run nbgrader from here; `python -m autograder` wraps the usual steps.
"""

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.CourseDirectory.root = "."
c.CourseDirectory.course_id = "practical-deep-learning"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
c.CourseDirectory.db_url = "sqlite:///gradebook.db"
# The dataset files live in the course package, so the release is the notebook alone.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]

# Hidden tests live in the notebooks as thin calls into autograder/ and are stripped from the release.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
# A cell may not run for more than a minute while grading (training cells take about a second).
c.Execute.timeout = 60
# nbgrader's own default (no history file) plus a quiet kernel: grading logs stay readable.
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--log-level=ERROR"]
