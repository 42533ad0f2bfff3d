"""grades.csv: nbgrader's own CSV export of the gradebook, with a `notes` column of our own."""

from pathlib import Path

from autograder.grading.ledger import Ledger
from autograder.student_text import one_line


def write_grades_csv(gradebook: str, destination: str | Path, course_root: str | Path | None = None) -> Path:
    """nbgrader's CSV export (CsvExportPlugin) of the whole gradebook to `destination`, plus a
    `notes` column: what happened to each submission before grading (autograder.grading.stage), read
    from the ledgers of `course_root`; empty when nothing did.

    Inputs: an open nbgrader Gradebook (closed here, as nbgrader's API leaves that to the caller),
    the path of the CSV file, the course root. Returns the path. Shared by the grading run and
    `python -m autograder export NAME --to csv`.
    """
    import csv

    from nbgrader.plugins import CsvExportPlugin

    try:
        CsvExportPlugin(to=str(destination)).export(gradebook)
    finally:
        gradebook.close()
    with open(destination, newline="") as stream:
        rows = list(csv.DictReader(stream))
    ledgers = {}
    for row in rows:
        ledger = ledgers.setdefault(row["assignment"], Ledger(course_root, row["assignment"])) if course_root else None
        row["notes"] = one_line(" ".join(ledger.notes(row["student_id"])), 64 * 2 ** 10) if ledger else ""
    if rows:
        with open(destination, "w", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return Path(destination)
