"""Do cheating attempts earn nothing and harm nobody when a class is graded?

Every attack of tests/attacks/ is handed in by its own student, sorted between two honest
classmates (ids s000_honest, s001_<attack>, s002_honest, ...), plus one untouched release (the
baseline of what a plain failing notebook shows). Each assignment's class is graded by the
instructor's command, `python -m autograder grade NAME --root ROOT`, in one run, in its own session
and with a scratch $HOME. The run is watched from outside: a listener on 127.0.0.1, hashes of
everything outside the cheaters' own copies (course root, checkout, $HOME, /tmp, site-packages,
sentinel files), the processes left behind (attacks mark theirs with "gradeghost"), and the
gradebook read right after grading and again once the attacks' own delays have passed.

Each question is asked per attack, so a failure names the attack; the grading itself runs once.
With CI=true a missing bubblewrap fails these tests instead of skipping them.
"""

import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.attacks import harness
from tests.missing import stop

# ATTACKS=name,name,... grades only those (while working on an attack); the default is all of them.
ATTACKS = [attack for attack in harness.load_attacks()
           if not os.environ.get("ATTACKS") or attack.name in os.environ["ATTACKS"].split(",")]
ASSIGNMENTS = sorted({attack.assignment for attack in ATTACKS})
by_attack = pytest.mark.parametrize("attack", ATTACKS, ids=lambda attack: attack.name)
# The sandbox keeps at most 16 MiB of output per notebook; a graded notebook (with its plots) is
# well under 1 MiB besides.
MAX_NOTEBOOK_BYTES = 20 * 2 ** 20

pytestmark = pytest.mark.slow


def require_bubblewrap():
    if shutil.which("bwrap") is None:
        stop("bubblewrap (bwrap) is not installed, so submissions cannot be graded in the sandbox: "
             "run bash autograder/install_system_packages.sh as root")


@dataclass
class GradedClass:
    assignment: str
    root: Path
    students: dict                     # student id -> Attack, or None
    runs: list                         # the grading command's runs: one, unless a submission stopped it
    stopped: dict                      # student -> the run that stopped on their submission
    scores: dict                       # right after grading: student -> {grade_id: CellScore}
    reviews: dict
    processes_at_end: list = field(default_factory=list)

    def notebook(self, student):
        return self.root / "autograded" / student / self.assignment / f"{self.assignment}.ipynb"

    def feedback(self, student):
        return self.root / "feedback" / student / self.assignment / f"{self.assignment}.html"


@dataclass
class Observations:
    classes: dict                      # assignment -> GradedClass
    scores_later: dict                 # assignment -> scores once the attacks' delays are over
    processes_later: list
    changed: list
    tmp_files: list
    received: list                     # what reached the listener

    def of(self, attack):
        graded = self.classes[attack.assignment]
        cheater = next(student for student, a in graded.students.items() if a is attack)
        return graded, cheater


@pytest.fixture(scope="module")
def observed(tmp_path_factory):
    require_bubblewrap()
    from tests.conftest import make_course_root

    home = tmp_path_factory.mktemp("home")
    listener = harness.Listener()
    existing = {pid for pid, _ in harness.marked_processes()}
    roots = {assignment: make_course_root(tmp_path_factory.mktemp(f"attacks_{assignment}"))
             for assignment in ASSIGNMENTS}
    try:
        students = {assignment: harness.build_class(roots[assignment], assignment,
                                                    [a for a in ATTACKS if a.assignment == assignment],
                                                    port=listener.port)
                    for assignment in ASSIGNMENTS}
        sentinels = [path for root in roots.values() for path in harness.place_sentinels(root, home, "/tmp")]
        specs = [harness.watched(root, home, sentinels) for root in roots.values()]
        before = [harness.snapshot(spec) for spec in specs]
        classes = {}
        last_cheater_done = time.time()
        for assignment in ASSIGNMENTS:
            runs, stopped = harness.grade_in_turns(roots[assignment], assignment, list(students[assignment]), home)
            last_cheater_done = time.time()
            scores, reviews = harness.gradebook_scores(roots[assignment], assignment)
            classes[assignment] = GradedClass(assignment, roots[assignment], students[assignment], runs, stopped,
                                              scores, reviews, harness.marked_processes(existing))
        # Leftover processes act up to ATTACK_DELAYS after their student's grading.
        time.sleep(max(0.0, last_cheater_done + harness.ATTACK_DELAYS - time.time()))
        later = {assignment: harness.gradebook_scores(roots[assignment], assignment)[0] for assignment in ASSIGNMENTS}
        processes_later = harness.marked_processes(existing)
        changed = []
        for spec, state in zip(specs, before):
            changed += [c for c in harness.changes(state, harness.snapshot(spec)) if c not in changed]
        yield Observations(classes, later, processes_later, changed, harness.marked_tmp_files(), list(listener.received))
    finally:
        listener.close()
        harness.kill_marked_processes(existing)
        harness.cleanup_outside(home)
        harness.restore_checkout()
        Path(f"/tmp/{harness.SENTINEL_NAME}.{os.getpid()}").unlink(missing_ok=True)


def _summary(graded, student):
    cells = graded.scores.get(student)
    if cells is None:
        return f"{student} is not in the gradebook"
    return f"{student}: " + ", ".join(f"{g} {c.score:g}/{c.max_score:g}" + (f" (manual {c.manual_score:g})"
                                      if c.manual_score is not None else "") for g, c in sorted(cells.items()))


# --- the run as a whole ----------------------------------------------------------------------------

@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_does_the_grading_command_grade_the_whole_class_in_one_run(observed, assignment):
    graded = observed.classes[assignment]
    assert not graded.stopped, "the grading command stopped on " + ", ".join(graded.stopped)
    reported = [s for run in graded.runs for s in harness.not_graded_in(run)]
    assert not reported, "the grading command reported as not graded: " + ", ".join(reported)
    missing = [s for s in graded.students if s not in graded.scores]
    assert not missing, f"not in the gradebook: {missing}\n{graded.runs[-1].output[-3000:]}"


def test_does_no_file_outside_the_cheaters_copies_change(observed):
    assert not observed.changed and not observed.tmp_files, (
        "changed outside the cheaters' copies:\n  " + "\n  ".join(observed.changed + observed.tmp_files))


def test_does_no_marked_process_survive_grading(observed):
    at_end = [p for graded in observed.classes.values() for p in graded.processes_at_end]
    assert not at_end and not observed.processes_later, (
        f"processes left when grading ended: {at_end[:10]}; {harness.ATTACK_DELAYS} s later: "
        f"{observed.processes_later[:10]}")


def test_does_no_connection_reach_the_listener(observed):
    assert not observed.received, f"the listener on 127.0.0.1 received {observed.received}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_does_a_plain_failing_notebook_show_no_hidden_test_or_solution(observed, assignment):
    graded = observed.classes[assignment]
    shown = harness.output_text(graded.notebook(harness.UNTOUCHED)) + harness.feedback_text(graded.feedback(harness.UNTOUCHED))
    assert not harness.leaked(shown, assignment), harness.leaked(shown, assignment)


# --- each attack -----------------------------------------------------------------------------------

@by_attack
def test_does_the_grading_command_get_past_the_cheater(observed, attack):
    graded, cheater = observed.of(attack)
    run = graded.stopped.get(cheater)
    assert run is None, f"the grading command stopped on {cheater} (exit {run.returncode}):\n{run.output[-2500:]}"


@by_attack
def test_does_the_cheater_score_zero_on_its_target(observed, attack):
    graded, cheater = observed.of(attack)
    for scores in (graded.scores, observed.scores_later[attack.assignment]):
        cell = scores.get(cheater, {}).get(attack.target)
        assert cell is not None, f"{cheater} has no grade for {attack.target}"
        assert cell.score == 0, f"{attack.summary}\n{_summary(graded, cheater)}"


@by_attack
def test_do_the_honest_classmates_around_the_cheater_keep_full_marks(observed, attack):
    graded, cheater = observed.of(attack)
    for student in harness.neighbours(graded.students, cheater):
        for when, scores in (("after grading", graded.scores),
                             (f"{harness.ATTACK_DELAYS} s later", observed.scores_later[attack.assignment])):
            cells = scores.get(student)
            assert cells, f"{student} is not in the gradebook {when}"
            for grade_id, cell in cells.items():
                assert cell.score == cell.max_score and cell.manual_score is None and not cell.needs_manual_grade, (
                    f"{student}, {grade_id} {when}: {cell}")
        assert not graded.reviews.get(student), f"{student} has review comments: {graded.reviews[student]}"


@by_attack
def test_is_the_cheater_graded_with_a_notebook_and_feedback(observed, attack):
    graded, cheater = observed.of(attack)
    reported = {s for run in graded.runs for s in harness.not_graded_in(run)}
    assert cheater not in reported, f"the grading command reported that nbgrader could not grade {cheater}"
    assert cheater in graded.scores
    assert graded.notebook(cheater).is_file() and graded.feedback(cheater).is_file()


@by_attack
def test_does_the_cheaters_notebook_and_feedback_leak_no_secret(observed, attack):
    graded, cheater = observed.of(attack)
    # What the cheater wrote is no leak, nor what a plain failing notebook shows (asked above).
    own = attack.code()
    outputs = harness.leaked(harness.output_text(graded.notebook(cheater)), attack.assignment,
                             own + harness.output_text(graded.notebook(harness.UNTOUCHED)))
    feedback = harness.leaked(harness.feedback_text(graded.feedback(cheater)), attack.assignment,
                              own + harness.feedback_text(graded.feedback(harness.UNTOUCHED)))
    assert not outputs and not feedback, f"in the outputs: {outputs[:5]}; in the feedback: {feedback[:5]}"


@by_attack
def test_does_the_attack_report_no_success_from_inside(observed, attack):
    graded, cheater = observed.of(attack)
    evidence = [line for line in harness.output_text(graded.notebook(cheater)).splitlines()
                if line.startswith(f"{harness.MARKER}-evidence")]
    assert not evidence, evidence


@by_attack
def test_does_the_cheaters_notebook_stay_within_the_output_limit(observed, attack):
    graded, cheater = observed.of(attack)
    size = graded.notebook(cheater).stat().st_size if graded.notebook(cheater).exists() else 0
    assert size <= MAX_NOTEBOOK_BYTES, f"the autograded notebook holds {size / 2 ** 20:.0f} MiB"


@by_attack
def test_does_the_cheaters_feedback_carry_no_script_of_theirs(observed, attack):
    graded, cheater = observed.of(attack)
    page = graded.feedback(cheater).read_text(errors="replace") if graded.feedback(cheater).exists() else ""
    # Real tags only: the page also shows the cell's code, where they are escaped (&lt;img ...).
    active = re.findall(r"<script>/\*gradeghost|<img [^<>]*onerror=\"/\*gradeghost", page)
    assert not active, f"the feedback page runs the student's code in the reader's browser: {active}"


@by_attack
def test_does_no_process_of_the_attack_outlive_its_grading(observed, attack):
    graded, _ = observed.of(attack)
    mine = [what for _, what in graded.processes_at_end if f"{harness.MARKER}:{attack.name}" in what]
    assert not mine, mine


@by_attack
def test_is_every_link_handed_in_kept_from_grading_and_named_for_review(observed, attack):
    graded, cheater = observed.of(attack)
    review = graded.reviews.get(cheater) or ""
    for name, _ in attack.links:
        # submitted/ keeps what was handed in; neither the staged copy nor autograded/ has the link
        for folder in (graded.root / ".grading" / attack.assignment / "staged", graded.root / "autograded"):
            assert not os.path.lexists(folder / cheater / attack.assignment / name)
        assert name in str(review), f"{cheater}'s review note does not name the link {name}: {review!r}"
