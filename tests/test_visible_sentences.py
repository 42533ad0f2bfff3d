"""Does a student working in the notebook read the sentence the grader would give?

For every bug of the regularization catalogue, the visible check (course.checks.regularization,
which compares with values stored for one fixed example) and the hidden test
(autograder.checks.regularization, fresh problems and the reference) must name the mistake with the
same sentence, taken from the one table of known mistakes and fallback sentences that both use.
Failures of the contract (a tuple for the cost, a missing key, a wrong shape, an exception) come from
the same contract functions, so the two messages agree once the call and the sizes are left out.
"""

import re

import numpy as np
import pytest

from autograder.catalogue.loader import load_cases
from course.checks import regularization as visible_module
from tests.test_catalogue import hidden_check, run_check, visible_check

FUNCTIONS = ("compute_cost_with_regularization", "backward_propagation_with_regularization")
BUGS = [case for case in load_cases("regularization") if not case.expect_pass and case.function_name in FUNCTIONS]


def normalized(text):
    return " ".join(text.split())


def named_sentence(message):
    """The longest sentence of the shared tables that `message` contains (normalized), or None."""
    message = normalized(message)
    found = [sentence for sentence in map(normalized, visible_module.known_sentences()) if sentence in message]
    return max(found, key=len) if found else None


# "<function>(arguments)[ with <sizes>] returned|raised <what>": a contract failure.
CONTRACT = re.compile(r"^\w+\([^)]*\)(?: with [^()]*?)? (returned|raised) (.*)$")


def contract_words(message):
    """What a contract failure says without the call and with every number masked, or None."""
    match = CONTRACT.match(normalized(message))
    return re.sub(r"\d+", "#", match.group(1) + " " + match.group(2)) if match else None


@pytest.mark.parametrize("case", BUGS, ids=lambda case: case.id)
def test_does_the_visible_check_give_the_hidden_tests_sentence_for_this_bug(case):
    function = case.load()
    hidden, _ = run_check(hidden_check(case), function)
    shown, _ = run_check(visible_check(case), function)
    assert hidden is not None and shown is not None, case.summary
    sentence = named_sentence(hidden)
    if sentence is None:
        # Not a wrong value: the contract functions both checks share said what is wrong.
        assert contract_words(hidden) is not None, f"the hidden test names no shared sentence: {hidden}"
        assert named_sentence(shown) is None and contract_words(shown) == contract_words(hidden), (shown, hidden)
    else:
        assert named_sentence(shown) == sentence, f"\nvisible: {shown}\nhidden:  {hidden}"


def test_is_every_known_sentence_distinct():
    sentences = [normalized(sentence) for sentence in visible_module.known_sentences()]
    assert len(sentences) == len(set(sentences))


def test_does_the_stored_example_tell_every_known_mistake_apart():
    # On the fixed example each mistake differs from the right answer and from every other mistake,
    # so that the visible check can name it (and never names a right answer).
    costs, gradients = visible_module.stored_answers()
    cost_mistakes, gradient_mistakes = visible_module.stored_mistakes()
    assert sorted(cost_mistakes) == sorted(name for name, _ in visible_module.KNOWN_COST_MISTAKES)
    assert sorted(gradient_mistakes) == sorted(name for name, _ in visible_module.KNOWN_GRADIENT_MISTAKES)

    def same_costs(a, b):
        # Compared where both are known (a mistake known only with lambd = 0 is nan elsewhere).
        known = [lambd for lambd in visible_module.VISIBLE_LAMBDAS if np.isfinite(a[lambd]) and np.isfinite(b[lambd])]
        assert 0.0 in known
        return all(visible_module.close(a[lambd], b[lambd]) for lambd in known)

    def same_gradients(a, b):
        return all(visible_module.first_wrong_from_the_top(a[lambd], b[lambd]) is None
                   and visible_module.first_wrong_from_the_top(b[lambd], a[lambd]) is None
                   for lambd in visible_module.BACKWARD_LAMBDAS)

    for mistakes, right, same in ((cost_mistakes, costs, same_costs), (gradient_mistakes, gradients, same_gradients)):
        names = sorted(mistakes)
        for i, name in enumerate(names):
            assert not same(mistakes[name], right), f"{name} gives the right answer on the fixed example"
            for other in names[i + 1:]:
                assert not same(mistakes[name], mistakes[other]), f"{name} and {other} give the same answer"
        # Nor does any mistake ignore lambd there, or the visible check would call it "lambd is not used".
        if same is same_costs:
            for name in names:
                values = [value for value in mistakes[name].values() if np.isfinite(value)]
                assert len(values) == 1 or not visible_module.lambd_ignored(values), name


def test_are_the_stored_mistakes_what_the_hidden_test_computes_on_the_fixed_example():
    from autograder.checks.regularization import cost_mistakes, gradient_mistakes

    problem = visible_module.deterministic_problem()
    stored_costs, stored_gradients = visible_module.stored_mistakes()
    for lambd in visible_module.VISIBLE_LAMBDAS:
        costs, gradients = cost_mistakes(problem, lambd), gradient_mistakes(problem, lambd)
        for name, value in costs.items():
            np.testing.assert_allclose(stored_costs[name][lambd], value, rtol=1e-12, err_msg=name)
        for name, blocks in gradients.items():
            for key in visible_module.GRADIENT_KEYS:
                np.testing.assert_allclose(stored_gradients[name][lambd][key], blocks[key], rtol=1e-12, atol=1e-15,
                                           err_msg=f"{name} {key}")
