"""The grading engine: the path of one submission, one module per step.

`pipeline.grade()` runs the steps in `pipeline.GRADING_STEPS` on a class; a submission goes through

1. stage          `stage.py`: copy `submitted/<student>/<assignment>/` to `.grading/` and repair it
                  there (`submission_time.py`: the time it reached the course; `screening.py`: flags
                  for an instructor's look); `ledger.py` decides which submissions changed.
2. execute        `worker.py` on a Dask worker (or here): `execute.py`'s GraderExecute runs the notebook
                  in `sandbox.py`'s bubblewrap kernel, only the cells a score needs (`needed_cells.py`),
                  and the instructor's test cells in the grader, calling the student's functions
                  through `kernel_calls.py`.
3. record         back in the grading process, nbgrader's own autograde writes the gradebook from the
                  executed outputs (`worker.InsertExecutedOutputs`), `late_penalty.py` applies the
                  course's policy, and `feedback.py` makes nbgrader's feedback safe to open.
4. report/export  `scores.py` reads the verdicts back; `report.py` writes the class report,
                  `export_gradescope.py` and `export_lms.py` the grade files.
"""
