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
# The gradebook: SQLite in the course root. For PostgreSQL, give a URL such as
# "postgresql://grader@/gradebook" (the database must exist; nbgrader creates its tables), or pass
# --db-url to `python -m autograder grade`.
c.CourseDirectory.db_url = "sqlite:///gradebook.db"
# The dataset files live in the course package, so the release is the notebook alone.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]

# Hidden tests live in the notebooks as thin calls into autograder/ and are stripped from the release.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
# A cell may not run for more than a minute while grading (training cells take about a second).
c.Execute.timeout = 60
# nbgrader's own default (no history file) plus a quiet kernel: grading logs stay readable.
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--log-level=ERROR"]

# Feedback pages and the formgrader show students' outputs and Markdown: render them without scripts,
# event handlers or styles, so a submission cannot run code in the browser of whoever reads them.
c.HTMLExporter.sanitize_html = True

# Grading runs each submission's kernel in a sandbox (bubblewrap: no course root, no network, no
# other students; see autograder/grading/sandbox.py) and runs the test cells in the grader process.
# Its limits, with their defaults; change them here:
# c.Sandbox.memory_mib = 2048        # address space of each process in the sandbox
# c.Sandbox.cpu_seconds = 600        # CPU time of each process
# c.Sandbox.max_processes = 128      # processes and threads of the sandbox user (when grading as root)
# c.Sandbox.max_file_mib = 64        # largest file a submission may write
# c.Sandbox.tmp_mib = 64             # size of the sandbox's private /tmp
# c.Sandbox.work_mib = 64            # room in the kernel's private working folder beyond the submission's files
# c.Sandbox.max_output_mib = 16      # output kept from one notebook
# c.Sandbox.notebook_timeout = 600   # wall time of one notebook, on top of c.Execute.timeout per cell

# Before grading, each submission is copied to .grading/<assignment>/staged/ and repaired there
# (autograder/grading/stage.py); what does not fit these limits is left out, with a note to the student:
# c.Staging.max_file_mib = 16        # largest file copied from a submission (a notebook: without its outputs)
# c.Staging.max_notebook_mib = 256  # largest notebook file read at all, outputs included
# c.Staging.max_total_mib = 64       # most data copied from one submission
# c.Staging.max_files = 200          # most files copied from one submission
# Grading runs only the cells a score can depend on (autograder/grading/needed_cells.py); to run every cell:
# c.GraderExecute.run_only_what_grading_needs = False

# Late penalties (autograder/grading/late_penalty.py, through nbgrader's late-submission plugin): a percentage
# of the maximum score per started day late, capped, with per-student extensions. The time that counts
# is when the submission reached the course, never the student's timestamp.txt
# (autograder/grading/submission_time.py). To use it:
# c.AssignLatePenalties.plugin_class = "autograder.grading.late_penalty.PercentPerDayLate"
# c.PercentPerDayLate.percent_per_day = 10
# c.PercentPerDayLate.max_percent = 50
# c.PercentPerDayLate.extension_hours = {"ada": 48}
# c.DueDates.due = {"regularization": "2026-12-14 17:00:00 UTC"}
