"""The assignments of the course: the one list every other list reads.

Adding an assignment means its own files (source notebook, generated release, reference
solutions in autograder/solutions/<name>.py, hidden checks in autograder/checks/<name>.py, visible
checks in course/checks/<name>.py, catalogue in autograder/catalogue/<name>/) and one entry here.
tests/test_registry.py checks that this list and those files agree.
"""

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from autograder.course_paths import CoursePaths
from autograder.nbgrader_course import REPO_ROOT


@dataclass(frozen=True)
class Assignment:
    """One assignment and what the demo, the benchmarks and the tests need to know of it."""

    name: str
    # The functions students write, in notebook order: each is a solution cell with this grade_id,
    # graded by a test cell test_<function> that calls course.checks.check_<function> and
    # autograder.checks.<name>.grade_<function>.
    graded_functions: tuple[str, ...]
    # Benchmark target: the completed notebook top to bottom, in seconds (bench_assignments).
    notebook_seconds: float
    # The demo's submissions: student -> {graded function: catalogue case file of that function}.
    demo: dict[str, dict[str, str]] = field(default_factory=dict)
    # Catalogue cases graded end to end through real nbgrader in tests/test_assignments.py: every case
    # that prints or warns, other styles, and the bug kinds the assignment's issue names.
    end_to_end_cases: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "demo", MappingProxyType({student: MappingProxyType(dict(cells))
                                                           for student, cells in self.demo.items()}))

    @property
    def source(self) -> Path:
        return CoursePaths(REPO_ROOT, self.name).source / f"{self.name}.ipynb"

    @property
    def release(self) -> Path:
        return CoursePaths(REPO_ROOT, self.name).release / f"{self.name}.ipynb"

    def __str__(self):
        return self.name


ASSIGNMENTS: tuple[Assignment, ...] = (
    Assignment(
        name="initialization",
        graded_functions=(
            "initialize_parameters_zeros", "initialize_parameters_random", "initialize_parameters_he"),
        notebook_seconds=10,
        demo={
            "ada_correct": {
                "initialize_parameters_zeros": "dict_comprehension.py",
                "initialize_parameters_random": "default_rng_unseeded.py",
                "initialize_parameters_he": "default_rng_reverse_order.py",
            },
            "bob_buggy": {
                "initialize_parameters_zeros": "classic_course_loop.py",
                "initialize_parameters_random": "bug_times_0_01.py",
                "initialize_parameters_he": "bug_fan_out.py",
            },
            "cyd_untouched": {},
        },
        end_to_end_cases=(
            "debug_prints", "harmless_numpy_warning", "default_rng_unseeded", "float32_dtype",
            "classic_course_seed3", "bug_fan_out", "bug_variance_not_std", "bug_xavier_scale",
            "bug_glorot_scale", "bug_times_0_01", "bug_rand_uniform", "bug_he_uniform",
            "bug_symmetric_uniform_matching_std", "bug_random_biases", "bug_1d_biases",
            "bug_transposed_weights", "bug_missing_last_layer", "bug_no_return", "bug_ones_weights",
            "bug_int_dtype_weights"),
    ),
    Assignment(
        name="regularization",
        graded_functions=(
            "compute_cost_with_regularization", "backward_propagation_with_regularization"),
        notebook_seconds=15,
        demo={
            "ada_correct": {
                "compute_cost_with_regularization": "linalg_norm_squared.py",
                "backward_propagation_with_regularization": "einsum_products.py",
            },
            "bob_buggy": {
                "compute_cost_with_regularization": "bug_lambd_over_m.py",
                "backward_propagation_with_regularization": "bug_no_l2_in_dW1.py",
            },
            "cyd_untouched": {},
        },
        end_to_end_cases=(
            "debug_prints", "linalg_norm_squared", "returns_python_float", "bug_lambd_over_m",
            "bug_biases_regularized", "bug_norm_not_squared", "bug_W1_left_out", "bug_no_l2_term",
            "einsum_products", "np_mean_for_db", "db3_one_entry_without_keepdims", "bug_no_l2_in_dW1",
            "bug_l2_halved_in_dW2", "bug_l2_doubled_in_dW1", "bug_relu_mask_A2_ge_0",
            "bug_db1_summed_over_all_axes"),
    ),
    Assignment(
        name="dropout",
        graded_functions=(
            "forward_propagation_with_dropout", "backward_propagation_with_dropout"),
        notebook_seconds=15,
        demo={
            "ada_correct": {
                "forward_propagation_with_dropout": "default_rng_random.py",
                "backward_propagation_with_dropout": "np_where_mask.py",
            },
            "bob_buggy": {
                "forward_propagation_with_dropout": "bug_seed_inside_function.py",
                "backward_propagation_with_dropout": "bug_not_divided_by_keep_prob.py",
            },
            "cyd_untouched": {},
        },
        end_to_end_cases=(
            "debug_prints", "default_rng_random", "binomial_masks", "rand_greater_than_one_minus_keep_prob",
            "mask_z_before_relu", "bug_no_rescaling", "bug_keeps_with_one_minus_keep_prob",
            "bug_one_mask_per_unit", "bug_dropout_on_the_output", "bug_seed_inside_function",
            "bug_randn_threshold", "bug_dropout_on_layer_1_only", "nested_lists_of_bools",
            "classic_course_np_dot_int_relu_mask", "masks_applied_row_by_row", "np_where_mask",
            "mask_left_to_relu_derivative_of_A", "bug_fresh_masks_in_backward",
            "bug_masks_not_applied", "bug_masks_swapped", "bug_not_divided_by_keep_prob",
            "bug_dA1_not_divided"),
    ),
    Assignment(
        name="gradient_checking",
        graded_functions=(
            "forward_propagation", "backward_propagation", "gradient_check", "gradient_check_n",
            "backward_propagation_n"),
        notebook_seconds=15,
        demo={
            "ada_correct": {
                "forward_propagation": "x_times_cube.py",
                "backward_propagation": "float_cast.py",
                "gradient_check": "abs_instead_of_norm.py",
                "gradient_check_n": "in_place_perturb_and_restore.py",
                "backward_propagation_n": "einsum.py",
            },
            "bob_buggy": {
                "forward_propagation": "bug_linear.py",
                "backward_propagation": "bug_no_factor_3.py",
                "gradient_check": "bug_missing_2.py",
                "gradient_check_n": "bug_one_sided.py",
                "backward_propagation_n": "bug_tanh_from_Z_left.py",
            },
            "cyd_untouched": {},
        },
        end_to_end_cases=(
            # forward_propagation, backward_propagation
            "np_power", "bug_linear", "x_first", "bug_x",
            # gradient_check (and gradient_check_n, for the names both have)
            "prints_message", "abs_instead_of_norm", "classic_learner_steps", "returns_0d_array", "bug_missing_2",
            "bug_thetaminus_is_thetaplus", "bug_one_sided", "bug_numerator_only", "bug_denominator_without_norms",
            "bug_hard_coded_epsilon",
            # gradient_check_n
            "in_place_perturb_and_restore", "perturb_the_dict_in_place", "identity_matrix_rows",
            "bug_aliasing_same_array", "bug_all_entries_at_once", "bug_dict_not_restored", "bug_not_restored_in_place",
            "bug_norm_of_sum_denominator", "bug_gradients_flattened_by_dict_order",
            # backward_propagation_n
            "fixed_classic", "fixed_provided_style", "einsum", "bug_provided_unchanged", "bug_tanh_from_Z_left",
            "bug_db2_mean_left", "bug_db1_4_over_m_left"),
    ),
    Assignment(
        name="debugging",
        graded_functions=("normalize_inputs", "diagnose_bias_variance", "gradient_health", "overfit_tiny_set",
                          "first_difference"),
        notebook_seconds=15,
        demo={
            "ada_correct": {
                "normalize_inputs": "generator_over_sets.py",
                "diagnose_bias_variance": "lookup_table_by_index.py",
                "gradient_health": "helper_per_layer.py",
                "first_difference": "generator_next.py",
                "overfit_tiny_set": "recomputed_with_compute_cost.py",
            },
            "bob_buggy": {
                "normalize_inputs": "bug_source_document_sigma_squared.py",
                "diagnose_bias_variance": "bug_base_error_ignored.py",
                "gradient_health": "bug_isnan_only.py",
                "first_difference": "bug_gradients_from_layer_1.py",
                "overfit_tiny_set": "bug_rows_instead_of_columns.py",
            },
            "cyd_untouched": {},
        },
        end_to_end_cases=(
            "debug_prints", "std_ddof_1", "float32_pipeline", "in_place_on_copies", "np_average_returns_list",
            "bug_test_statistics", "bug_pooled_statistics", "bug_each_set_its_own_statistics",
            "bug_dev_test_left_raw", "bug_per_example_each_set", "bug_per_example_training_statistics",
            "bug_divides_by_variance", "bug_source_document_sigma_squared", "bug_no_keepdims",
            "bug_returned_in_another_order", "capitalized_words", "numpy_comparisons", "match_statement",
            "bug_base_error_ignored", "bug_elif_bias_first", "bug_hardcoded_tolerance", "bug_variance_remedy_first",
            "bug_long_words_for_both", "bug_returns_diagnosis_only",
            # gradient_health
            "tuple_of_numpy_values", "ratio_none_when_not_finite", "float32_norms", "bug_spectral_norm",
            "bug_isnan_only", "bug_zero_with_any", "bug_grads_by_position", "bug_saturation_on_activations",
            "bug_saturation_per_unit",
            # first_difference
            "prints_each_comparison", "capitalized_answer", "returns_lists", "bug_exact_equality",
            "bug_allclose_defaults", "bug_gradients_from_layer_1", "bug_norms_only", "bug_returns_a_sentence",
            # overfit_tiny_set
            "costs_last", "recomputed_with_compute_cost", "np_split_columns", "numpy_scalar_and_array_cost",
            "bug_rows_instead_of_columns", "bug_k_plus_one", "bug_first_cost", "bug_comparison_inverted",
            "bug_hardcoded_tolerance", "bug_returns_accuracy", "bug_implementation_ignored"),
    ),
)


def names() -> tuple[str, ...]:
    """The assignments' names, in course order."""
    return tuple(assignment.name for assignment in ASSIGNMENTS)


def by_name(name: str) -> Assignment:
    """The assignment called `name`; KeyError naming the known ones otherwise."""
    for assignment in ASSIGNMENTS:
        if assignment.name == name:
            return assignment
    raise KeyError(f"no assignment {name!r} (there is: {', '.join(names())})")
