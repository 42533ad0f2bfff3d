"""
Gradient-check harness of the autograder.

    from autograder.gradcheck import gradcheck, freeze_random
    report = gradcheck(cost, params, grads)
    report.ok, report.difference, report.blocks, report.diagnosis, str(report)
"""

from ._core import gradcheck
from ._random_state import freeze_random
from ._report import BlockResult, Entry, GradcheckReport, course_band

__all__ = ["BlockResult", "Entry", "GradcheckReport", "course_band", "freeze_random", "gradcheck"]
