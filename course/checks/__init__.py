"""The checks students run in the notebooks (and that the hidden tests build on).

- course.checks.core: CheckFailure, calling student code safely, one-line reports
- course.checks.initialization: the parameter contract and the initialization checks
- course.checks.gradient_checking: the gradient checking checks (stored right answers too)
- course.checks.regularization: the cost and gradient contracts and the L2 regularization checks,
  which compare with right answers stored in course/data/stored_values.h5 (nothing here computes one)
- course.checks.dropout: the dropout forward pass judged by its masks' statistics and its cache's
  consistency, and the backward pass compared with stored right answers on a fixed cache

Everything a notebook uses is importable from course.checks directly.
"""

from .core import CheckFailure, call_student, describe_call, fail, passed
from .initialization import (check_initialize_parameters_he, check_initialize_parameters_random,
                             check_initialize_parameters_zeros, check_parameters_contract, check_weights_drawn_around_zero,
                             check_zero_weights,
                             common_scale_mistakes, describe_parameters, weight_std, wrong_scale_message)
from .regularization import check_backward_propagation_with_regularization, check_compute_cost_with_regularization
from .dropout import check_backward_propagation_with_dropout, check_forward_propagation_with_dropout
from .gradient_checking import (check_backward_propagation, check_backward_propagation_n, check_forward_propagation,
                                check_gradient_check, check_gradient_check_n)

__all__ = ["CheckFailure", "call_student", "describe_call", "fail", "passed",
           "check_initialize_parameters_he", "check_initialize_parameters_random", "check_initialize_parameters_zeros",
           "check_parameters_contract", "check_weights_drawn_around_zero", "check_zero_weights", "common_scale_mistakes", "describe_parameters",
           "weight_std", "wrong_scale_message",
           "check_backward_propagation_with_regularization", "check_compute_cost_with_regularization",
           "check_forward_propagation_with_dropout", "check_backward_propagation_with_dropout",
           "check_forward_propagation", "check_backward_propagation", "check_gradient_check", "check_gradient_check_n",
           "check_backward_propagation_n"]
