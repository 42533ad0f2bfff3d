"""Ends its own kernel with os._exit(0) the moment a check calls the function, hoping a dead kernel counts as no failure.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: kill-kernel
old: its kernel died in the test cell; nbgrader failed the submission (DeadKernelError) and the command stopped (exit 1): the honest student after it was never graded
"""
import os


def initialize_parameters_he(layers_dims):
    os._exit(0)
