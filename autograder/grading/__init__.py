"""The grading engine: the path of one submission, one module per step.

`pipeline.grade()` runs the steps in `pipeline.GRADING_STEPS` on a class; a submission goes through

1. stage          `stage.py`: copy `submitted/<student>/<assignment>/` to `.grading/` and repair it
                  there (`submission_time.py`: the time it reached the course; `screening.py`: flags
                  for an instructor's look); `ledger.py` decides which submissions changed.
2. execute        `worker.py` on a Dask worker (or here): `execute.py`'s GraderExecute runs the notebook
                  in `sandbox.py`'s bubblewrap kernel, only the cells a score needs (`needed_cells.py`),
                  and the instructor's test cells in the grader, calling the student's functions
                  through `kernel_calls.py`.
3. record         on the same worker, `recording.py` runs nbgrader's own autograde on the executed
                  outputs (`worker.InsertExecutedOutputs`), with `late_penalty.py`'s policy, the
                  review flags and nbgrader's feedback (`feedback.py` makes it safe to open), in a
                  scratch course; back in the grading process, the only writer, the rows of every
                  submission that came back go into the gradebook in one transaction, and the
                  autograded files and feedback into the course (`pipeline.record_batch`).
4. report/export  `scores.py` reads the verdicts back; `report.py` writes the class report,
                  `export_gradescope.py` and `export_lms.py` the grade files.
"""
