"""A hand-made graded class of six, for the tests of the report and the exports (no nbgrader run).

Full marks (ada), partial marks with the same mistake on different random problems (bob, dan), a
half point (mal), zero with a note (eve), two reviews, and student text with HTML in it (mal).
"""

from autograder.grading.scores import REVIEW_PREFIX, StudentScores

ASSIGNMENT = "regularization"
COST, BACKWARD = "test_compute_cost_with_regularization", "test_backward_propagation_with_regularization"

# The same mistake on two students' random problems: the sentences differ only in their numbers.
DW2_MISSING_L2_BOB = ("CheckFailure: With n_x = 3, n1 = 4, n2 = 2, m = 17, lambd = 0.7, dW2 is wrong: "
                      "the L2 term (lambd / m) * W2 is missing; it differs by 0.0123.")
DW2_MISSING_L2_DAN = ("CheckFailure: With n_x = 5, n1 = 6, n2 = 3, m = 40, lambd = 0.1, dW2 is wrong: "
                      "the L2 term (lambd / m) * W2 is missing; it differs by 1.5e-03.")
# The same mistake on another block: a different group.
DW3_MISSING_L2 = ("CheckFailure: With n_x = 4, n1 = 2, n2 = 2, m = 11, lambd = 0.7, dW3 is wrong: "
                  "the L2 term (lambd / m) * W3 is missing; it differs by 0.25.")
SCRIPT_REASON = "NameError: name '<script>alert(\"x\")</script>' is not defined"
MISSING_NOTEBOOK = "No regularization.ipynb was handed in; the blank release notebook was graded instead."


def small_class():
    """Six StudentScores, sorted by student id as read_scores returns them."""
    return [
        StudentScores("ada", {COST: (1.0, 1.0), BACKWARD: (2.0, 2.0)}),
        StudentScores("bob", {COST: (1.0, 1.0), BACKWARD: (0.0, 2.0)}, {BACKWARD: DW2_MISSING_L2_BOB}),
        StudentScores("cyd", {COST: (1.0, 1.0), BACKWARD: (0.0, 2.0)}, {BACKWARD: DW3_MISSING_L2}),
        StudentScores("dan", {COST: (1.0, 1.0), BACKWARD: (0.0, 2.0)}, {BACKWARD: DW2_MISSING_L2_DAN},
                      review=REVIEW_PREFIX + "cell 7: assigns to np.allclose."),
        StudentScores("eve", {COST: (0.0, 1.0), BACKWARD: (0.0, 2.0)},
                      {COST: "NotImplementedError", BACKWARD: "NotImplementedError"}, notes=[MISSING_NOTEBOOK]),
        StudentScores("mal", {COST: (0.0, 1.0), BACKWARD: (1.5, 2.0)},
                      {COST: SCRIPT_REASON, BACKWARD: "CheckFailure: db3 has an L2 term <b>bold</b> & more."},
                      review=REVIEW_PREFIX + "handed in links or special files, removed before grading: "
                                             "notes.json (a link to <img src=x onerror=alert(1)>)."),
    ]
