"""The result objects of gradcheck and their text rendering."""

from dataclasses import dataclass, field

import numpy as np

GREAT, LOOK_AGAIN, BUG = "great", "look again", "almost certainly a bug"


def course_band(difference):
    """
    The course's reading of the global relative difference.

    Inputs:
    - difference: float, ||g_num - g|| / (||g_num|| + ||g||)

    Returns:
    - band: "great" (<= 1e-7), "almost certainly a bug" (>= 1e-3),
      "look again" in between, "" when the difference is not a number
    """
    if not np.isfinite(difference):
        return ""
    if difference <= 1e-7:
        return GREAT
    if difference >= 1e-3:
        return BUG
    return LOOK_AGAIN


@dataclass
class Entry:
    """One checked entry: index in the block, analytic and numerical value."""
    index: tuple
    analytic: float
    numeric: float

    def __str__(self):
        idx = ", ".join(str(i) for i in self.index)
        return f"[{idx}] {self.analytic:.6g} vs {self.numeric:.6g}"


@dataclass
class BlockResult:
    """
    The verdict on one parameter block.

    Attributes:
    - name, grad_name: "W2" and "dW2"
    - shape: shape of the parameter
    - verdict: "ok", "WRONG", "inconclusive", "invalid" (shape/dtype
      problem) or "not checked"
    - difference: relative difference ||n - a|| / (||n|| + ||a||) over the
      checked entries (exhaustive mode) or of the directional derivatives
      (random mode); nan when not computed
    - mode: "exhaustive" or "random"
    - checked: entries (exhaustive) or directions (random) compared
    - inconclusive: entries whose check straddles a kink of the cost
    - worst: up to three Entry, largest |analytic - numeric| first
    - cause: one sentence about this block ("" when ok)
    """
    name: str
    grad_name: str
    shape: tuple
    verdict: str = "not checked"
    difference: float = float("nan")
    mode: str = ""
    checked: int = 0
    inconclusive: int = 0
    worst: list = field(default_factory=list)
    cause: str = ""

    @property
    def ok(self):
        """True, False, or None when the block could not be judged."""
        if self.verdict == "ok":
            return True
        if self.verdict in ("WRONG", "invalid"):
            return False
        return None


@dataclass
class GradcheckReport:
    """
    Everything gradcheck found.

    Attributes:
    - ok: bool, the verdict
    - difference: float, ||g_num - g||2 / (||g_num||2 + ||g||2) over all
      checked entries (the course's formula); in random mode an estimate
      from the directional derivatives; nan when nothing was compared
    - band: the course's reading of `difference` (see course_band)
    - blocks: dict parameter name -> BlockResult, in the order of params
    - diagnosis: one or two sentences for the student
    - problems: list of sentences about invalid inputs (shape, dtype, ...)
    - mode: "exhaustive" or "random"
    - evaluations: number of cost evaluations spent
    - findings: the failing blocks' causes, one sentence per distinct
      cause, in the order of the parameters (the diagnosis quotes the
      first two); empty when ok or when the inputs could not be checked
    """
    ok: bool
    difference: float
    blocks: dict
    diagnosis: str
    problems: list = field(default_factory=list)
    mode: str = ""
    evaluations: int = 0
    findings: list = field(default_factory=list)

    @property
    def band(self):
        return course_band(self.difference)

    @property
    def inconclusive(self):
        """Total number of entries left undecided because of kinks."""
        return sum(b.inconclusive for b in self.blocks.values())

    def one_sentence(self):
        """The diagnosis as one sentence for a failure message: the finding when there is one, else
        the cause in the last wrong block (the backward pass computes it first), the others named."""
        wrong = [block for block in reversed(list(self.blocks.values())) if block.ok is False]
        if len(self.findings) == 1:
            sentence = self.findings[0]
        elif wrong:
            others = " and ".join(block.grad_name for block in wrong[1:])
            sentence = (wrong[0].cause.rstrip(".")
                        + (f" ({others} {'is' if len(wrong) == 2 else 'are'} wrong too)." if others else "."))
        else:
            sentence = self.diagnosis or "the gradients differ from the numerical ones."
        sentence = " ".join(sentence.split())
        # It follows a colon in the failure message.
        sentence = sentence[0].lower() + sentence[1:] if sentence.startswith("The ") else sentence
        return sentence if sentence.endswith(".") else sentence + "."

    def assert_ok(self):
        """Raise AssertionError with the readable report unless ok."""
        if not self.ok:
            raise AssertionError("gradient check failed\n" + str(self))

    def __str__(self):
        return render(self)


def render(report):
    """
    A plain-text table for student feedback.

    Inputs:
    - report: GradcheckReport

    Returns:
    - text: str, one header line, one line per block, the diagnosis
    """
    status = "PASSED" if report.ok else "FAILED"
    head = f"Gradient check {status}"
    if np.isfinite(report.difference):
        head += f": difference {report.difference:.2e} ({report.band})"
    head += f"   [{report.mode or 'no'} check, {report.evaluations} cost evaluations]"
    rows = [("gradient", "shape", "rel. diff", "verdict", "worst entry: analytic vs numeric")]
    for b in report.blocks.values():
        diff = f"{b.difference:.2e}" if np.isfinite(b.difference) else "-"
        verdict = b.verdict
        if b.inconclusive:
            verdict += f" ({b.inconclusive} at kinks)"
        worst = str(b.worst[0]) if b.worst and b.verdict != "ok" else ""
        rows.append((b.grad_name, str(b.shape), diff, verdict, worst))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [head]
    for r in rows:
        cells = [r[i].ljust(widths[i]) for i in range(4)] + [r[4]]
        lines.append("  ".join(cells).rstrip())
    if report.diagnosis:
        lines.append(report.diagnosis)
    return "\n".join(lines)
