"""How the hidden tests accept a student's gradients of the 3-layer network: up to the round-off of a
correct answer, in float64 or float32. Shared by the regularization and dropout hidden tests."""

import numpy as np

from course.checks.gradients import GRADIENT_KEYS

# A block whose relative difference (the course's formula) is below this passes the gradient
# check even if some entries do not: correct gradients computed with float32 somewhere in the
# pipeline land between 1e-8 and 1e-6, every bug in the catalogue above 1e-3.
ROUND_OFF_DIFFERENCE = 1e-5
# float32 keeps about 7 digits: an entry's absolute round-off is below 1e-6 of the gradients' size.
FLOAT32_FLOOR = 1e-6


def within_round_off(report):
    """Whether every block agrees with the numerical gradient up to round-off.

    The harness judges entry by entry at a relative tolerance of 1e-7, which suits float64. A
    correct answer computed with float32 rounding (inputs cast to float32, say) can miss it on an
    entry whose sum cancels, while the block as a whole agrees to 1e-7; such answers are judged by
    each block's relative difference.
    """
    return all(block.verdict in ("ok", "inconclusive", "WRONG") and block.difference <= ROUND_OFF_DIFFERENCE
               for block in report.blocks.values())


def equal_up_to_float32(gradients, right):
    """Whether every graded block equals the reference up to float32 round-off.

    A block that nearly cancels (db3, the mean of dZ3, close to 0) keeps the absolute round-off of
    its terms, so its relative difference can exceed ROUND_OFF_DIFFERENCE for a correct float32
    answer (about one draw in 2000). Each block is therefore also allowed an absolute error of
    FLOAT32_FLOOR times the typical size of the gradients' entries; a bug that stays below that on
    one problem is caught by the reference comparison on the other problems.
    """
    typical = np.sqrt(np.mean(np.concatenate([np.ravel(right[key]) ** 2 for key in GRADIENT_KEYS])))
    for key in GRADIENT_KEYS:
        got, want = np.asarray(gradients[key], dtype=np.float64), right[key]
        error = np.linalg.norm(got - want)
        if error > ROUND_OFF_DIFFERENCE * (np.linalg.norm(got) + np.linalg.norm(want)) \
                + FLOAT32_FLOOR * typical * np.sqrt(want.size):
            return False
    return True
