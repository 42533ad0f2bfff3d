"""What each attack achieves against the pipeline of this checkout, one small class per attack
(honest, cheater, honest), printed as one JSON line per attack.

    python -m tests.attacks.prove [NAME ...]

Run it ONLY in a scratch clone, with a Python environment you can throw away: against the old
pipeline the attacks write into the course root, the checkout, $HOME, /tmp and site-packages.
"""

import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from autograder.grading import pipeline
from tests.attacks import harness
from tests.conftest import make_course_root

WAITS_FOR_DELAYS = {"detached-process", "resources"}
# What attacks print about what they managed, in their own outputs.
SAID = r"(gradebook:|grade:|student:|tcp |udp |gradeghost-evidence|wrote |held |holding |stopped at|\[Errno|\d+\.\d GiB)"


def prove(attack, template):
    root = Path(tempfile.mkdtemp(prefix="prove-"))
    shutil.rmtree(root)
    shutil.copytree(template, root)
    home = Path(tempfile.mkdtemp(prefix="prove-home-"))
    release = root / "release" / attack.assignment / f"{attack.assignment}.ipynb"
    students = harness.build_class(root, attack.assignment, [attack], release=release)
    cheater = next(s for s, a in students.items() if a is attack)
    sentinels = harness.place_sentinels(root, home, "/tmp")
    spec = harness.watched(root, home, sentinels)
    before = harness.snapshot(spec)
    existing = {pid for pid, _ in harness.marked_processes()}
    listener = harness.Listener()
    try:
        run = harness.grade_class(root, attack.assignment, home, timeout=600)
        processes_at_end = harness.marked_processes(existing)
        if attack.kind in WAITS_FOR_DELAYS:
            time.sleep(harness.ATTACK_DELAYS)
        else:
            time.sleep(2)
        processes_later = harness.marked_processes(existing)
        after = harness.snapshot(spec)
        scores, reviews = harness.gradebook_scores(root, attack.assignment)
        tmp_files = harness.marked_tmp_files()
    finally:
        listener.close()
    honest = harness.neighbours(students, cheater)
    notebook = f"{attack.assignment}.ipynb"
    baseline = harness.output_text(root / "autograded" / harness.UNTOUCHED / attack.assignment / notebook)
    cheater_out = harness.output_text(root / "autograded" / cheater / attack.assignment / notebook)
    feedback = harness.feedback_text(root / "feedback" / cheater / attack.assignment / f"{attack.assignment}.html")
    honest_feedback = harness.feedback_text(root / "feedback" / harness.UNTOUCHED / attack.assignment / f"{attack.assignment}.html")
    target = scores.get(cheater, {}).get(attack.target)
    result = {
        "attack": attack.name,
        "returncode": run.returncode,
        "seconds": round(run.seconds, 1),
        "target": f"{target.score:g}/{target.max_score:g} (manual {target.manual_score})" if target else "not graded",
        "cheater_total": sum(c.score for c in scores.get(cheater, {}).values()),
        "cheater_review": reviews.get(cheater),
        "honest": {s: (f"{sum(c.score for c in scores[s].values()):g}/{sum(c.max_score for c in scores[s].values()):g}"
                       + (" manual" if any(c.manual_score is not None for c in scores[s].values()) else ""))
                   if s in scores else "not graded" for s in honest},
        "changed": harness.changes(before, after),
        "tmp_files": tmp_files,
        "processes_at_end": [what for _, what in processes_at_end][:3] + ([f"... {len(processes_at_end)} in all"] if len(processes_at_end) > 3 else []),
        "processes_later": len(processes_later),
        "listener": [(kind, data[:60].decode(errors="replace")) for kind, _, data in listener.received],
        "leaked_in_outputs": harness.leaked(cheater_out, attack.assignment, baseline)[:3],
        "leaked_in_feedback": harness.leaked(feedback, attack.assignment, honest_feedback)[:3],
        "output_size": len(cheater_out),
        "said": [line[:150] for line in cheater_out.splitlines() if re.match(SAID, line)][:4],
        "said_lines": sum(1 for line in cheater_out.splitlines() if re.match(SAID, line)),
        "autograded_present": {s: (root / "autograded" / s / attack.assignment / notebook).exists() for s in students},
        "grader_tail": run.output.splitlines()[-6:] if run.returncode else [],
    }
    harness.kill_marked_processes(existing)
    harness.cleanup_outside(home)
    restored = harness.restore_checkout()
    if restored:
        result["checkout_restored"] = restored.split()
    shutil.rmtree(root, ignore_errors=True)
    return result


def main(names):
    attacks = [a for a in harness.load_attacks() if not names or a.name in names]
    templates = {}
    for assignment in sorted({a.assignment for a in attacks}):
        template = Path(tempfile.mkdtemp(prefix=f"prove-template-{assignment}-"))
        make_course_root(template)
        pipeline.generate_release(template, assignment)
        templates[assignment] = template
    for attack in attacks:
        print(json.dumps(prove(attack, templates[attack.assignment])), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
