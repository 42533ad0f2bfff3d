"""The checks students run in the notebooks (and that the hidden tests build on).

- course.checks.core: CheckFailure, calling student code safely, one-line reports
- course.checks.initialization: the parameter contract and the initialization checks
- course.checks.gradient_checking: the gradient checking checks (stored right answers too)
- course.checks.regularization: the cost and gradient contracts and the L2 regularization checks,
  which compare with right answers stored in course/data/stored_values.h5 (nothing here computes one)
- course.checks.dropout: the dropout forward pass judged by its masks' statistics and its cache's
  consistency, and the backward pass compared with stored right answers on a fixed cache

Everything a notebook uses is importable from course.checks directly (every check_* of the modules).
"""

import importlib as _importlib
import pkgutil as _pkgutil

from .core import CheckFailure, call_student, describe_call, fail, passed
from .initialization import (
    check_parameters_contract,
    check_weights_drawn_around_zero,
    check_zero_weights,
    common_scale_mistakes,
    describe_parameters,
    weight_std,
    wrong_scale_message,
)

__all__ = [
    "CheckFailure",
    "call_student",
    "check_parameters_contract",
    "check_weights_drawn_around_zero",
    "check_zero_weights",
    "common_scale_mistakes",
    "describe_call",
    "describe_parameters",
    "fail",
    "passed",
    "weight_std",
    "wrong_scale_message",
]

# Each assignment's module names its notebook checks check_<graded function>; all of them are
# importable from here, so a new assignment's checks need no line in this file.
for _module in _pkgutil.iter_modules(__path__):
    _names = vars(_importlib.import_module(f"{__name__}.{_module.name}"))
    for _name in [name for name in _names if name.startswith("check_") and callable(_names[name])]:
        if _name not in globals():
            globals()[_name] = _names[_name]
            __all__.append(_name)
