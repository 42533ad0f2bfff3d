"""Grade files for learning management systems: one assignment's scores, for every student of a
roster, as the CSV file that Canvas's gradebook import or Moodle's CSV grade import reads.

The formats are the LMSs' own:
- Canvas, "How do I import grades in the Gradebook?" and its importer (lib/gradebook_importer.rb):
  the header `Student, ID, SIS User ID, SIS Login ID, Section`, then one column per assignment,
  named as the assignment is in Canvas (or `Name (id)`); a second row whose first cell is
  `Points Possible` gives the assignment's points. Canvas finds a row's student by its ID (the
  Canvas user id), else its SIS User ID, else its SIS Login ID, else its name (`Last, First`), and
  shows the rows it cannot match in its import preview.
- Moodle, "Grade import" (grade/import/csv): a header row, one row per student; on the import page
  the instructor maps `Email address` to the user field "Email address" and the grade column to a
  grade item. Moodle cannot skip a row without its identifier: such a row's grade goes to the
  student of the row before (gradeimport_csv_load_data keeps the last student it matched). So a
  student without an email address is left out of the Moodle file, and said so.

A student without a submission gets an empty grade cell, which both LMSs read as "no grade" (not
0): a missing hand-in stays distinguishable from a zero score, and the LMS's own missing-work
policy applies. The score is nbgrader's, net of its late-submission penalty, as in nbgrader's CSV.

The roster is the instructor's: nbgrader's student table in the gradebook, or a CSV file with the
columns of `nbgrader db student import` (`id`, `first_name`, `last_name`, `email`, `lms_user_id`)
plus `sis_user_id`, `sis_login_id` and `section`; only `id`, the nbgrader student id, is required.
A graded student missing from the roster is never dropped silently: the command names them.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from autograder.course_paths import CoursePaths
from autograder.student_text import MAX_NAME, one_line

# The header of the roster file: nbgrader's own student columns, then those only Canvas uses.
ROSTER_COLUMNS = ("id", "first_name", "last_name", "email", "lms_user_id", "sis_user_id", "sis_login_id", "section")
CANVAS_STUDENT_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
CANVAS_POINTS_ROW = "Points Possible"
MOODLE_STUDENT_COLUMNS = ("First name", "Last name", "Email address")
# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP's
# "CSV injection"); tab and carriage return never reach a cell (one_line folds whitespace).
FORMULA_STARTS = ("=", "+", "-", "@")
# How many names a warning lists before it counts the rest.
LISTED_NAMES = 20


class RosterError(ValueError):
    """A roster that cannot be read or holds no one the format can name; the message is one sentence."""


class NothingGraded(ValueError):
    """The assignment has no submission in the gradebook."""


@dataclass(frozen=True)
class RosterEntry:
    """One student as the instructor's roster knows them; every field but id may be empty."""
    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    lms_user_id: str = ""
    sis_user_id: str = ""
    sis_login_id: str = ""
    section: str = ""


@dataclass
class LmsExport:
    """What export wrote: the file, the rows written, and who is not in it or not in the roster."""
    path: Path
    written: int
    graded: int
    max_score: float
    unrostered: list   # ids of graded students missing from the roster (their grade is not in the file)
    left_out: list     # ids of rostered students the format cannot identify (Moodle: no email address)


def spreadsheet_safe(value, limit: int = MAX_NAME) -> str:
    """`value` as one bounded line (autograder.student_text.one_line) that no spreadsheet runs as
    a formula: a leading =, +, - or @ gets a quote before it, as OWASP advises."""
    text = one_line("" if value is None else value, limit)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def shown_names(ids) -> str:
    """Student ids for one terminal line: each escaped and bounded, at most LISTED_NAMES of them."""
    ids = list(ids)
    names = ", ".join(one_line(student, 64) for student in ids[:LISTED_NAMES])
    return names + (f" and {len(ids) - LISTED_NAMES} more" if len(ids) > LISTED_NAMES else "")


def roster_from_gradebook(gradebook) -> list:
    """nbgrader's student table, sorted by id: RosterEntry with id, names, email and lms_user_id."""
    return [RosterEntry(student.id, student.first_name or "", student.last_name or "", student.email or "",
                        student.lms_user_id or "")
            for student in sorted(gradebook.students, key=lambda student: student.id)]


def read_roster_file(path) -> list:
    """The roster CSV at `path` (header row; columns ROSTER_COLUMNS in any order, `id` required),
    in its order. Raises RosterError for a file that is missing, not UTF-8, has unknown columns
    (a misspelt `emial` would otherwise leave every email empty), or an empty or repeated id."""
    path = Path(path)
    try:
        with open(path, newline="", encoding="utf-8-sig") as stream:
            reader = csv.DictReader(stream)
            # A spreadsheet may pad a title with spaces: " email" is still the email column.
            reader.fieldnames = header = [one_line(name) for name in reader.fieldnames or []]
            if "id" not in header:
                raise RosterError(f"roster {path} has no `id` column (the nbgrader student id); its header "
                                  f"may hold {', '.join(ROSTER_COLUMNS)}.")
            unknown = [name for name in header if name not in ROSTER_COLUMNS]
            if unknown:
                raise RosterError(f"roster {path} has column(s) {', '.join(repr(name) for name in unknown[:10])} "
                                  f"that export does not know; its header may hold {', '.join(ROSTER_COLUMNS)}.")
            entries, seen = [], set()
            for row in reader:
                values = {key: (value or "").strip() for key, value in row.items() if key in ROSTER_COLUMNS}
                if not values.get("id"):
                    raise RosterError(f"roster {path}, line {reader.line_num}: the `id` cell is empty.")
                if values["id"] in seen:
                    raise RosterError(f"roster {path}, line {reader.line_num}: student id "
                                      f"{one_line(values['id'], 64)!r} appears twice.")
                seen.add(values["id"])
                entries.append(RosterEntry(**values))
    except FileNotFoundError:
        raise RosterError(f"no roster file {path}.") from None
    except UnicodeDecodeError:
        raise RosterError(f"roster {path} is not UTF-8 text (save it from the spreadsheet as CSV UTF-8).") from None
    except csv.Error as error:
        raise RosterError(f"roster {path} is not a readable CSV file: {one_line(error, 200)}.") from None
    return entries


def read_grades(gradebook, assignment):
    """({student id: score} of every submission of `assignment`, the assignment's max score). The
    score is nbgrader's own, net of the late-submission penalty and never below 0, as nbgrader's
    CsvExportPlugin computes it. Raises nbgrader.api.MissingEntry for an unknown assignment."""
    found = gradebook.find_assignment(assignment)
    grades = {submission.student.id: max(0.0, submission.score - (submission.late_submission_penalty or 0.0))
              for submission in found.submissions}
    return grades, found.max_score


def points(value) -> str:
    """A score as the LMSs parse it: a plain decimal with at most four decimals, no exponent."""
    return f"{round(float(value), 4):.4f}".rstrip("0").rstrip(".")


def canvas_rows(roster, grades, max_score, column):
    """The rows of Canvas's gradebook import file, header first, then Points Possible, then one row
    per rostered student (an empty grade for one without a submission). Returns (rows, left_out=[])."""
    rows = [[*CANVAS_STUDENT_COLUMNS, spreadsheet_safe(column)],
            [CANVAS_POINTS_ROW, "", "", "", "", points(max_score)]]
    for entry in roster:
        # Canvas's own export writes the sortable name, "Last, First"; its importer compares both forms.
        name = ", ".join(part for part in (entry.last_name, entry.first_name) if part) or entry.id
        grade = points(grades[entry.id]) if entry.id in grades else ""
        rows.append([spreadsheet_safe(value) for value in
                     (name, entry.lms_user_id, entry.sis_user_id, entry.sis_login_id, entry.section)] + [grade])
    return rows, []


def moodle_rows(roster, grades, max_score, column):
    """The rows of a Moodle CSV grade import file, header first, one row per rostered student with
    an email address. Returns (rows, ids of the rostered students left out for lack of one)."""
    rows = [[*MOODLE_STUDENT_COLUMNS, spreadsheet_safe(column)]]
    left_out = []
    for entry in roster:
        if not entry.email:
            left_out.append(entry.id)
            continue
        grade = points(grades[entry.id]) if entry.id in grades else ""
        rows.append([spreadsheet_safe(value) for value in (entry.first_name, entry.last_name, entry.email)] + [grade])
    return rows, left_out


FORMATS = {"canvas": canvas_rows, "moodle": moodle_rows}


def write_lms_grades(course_root, assignment: str, lms: str, roster, grades: dict, max_score: float,
                     column: str | None = None) -> LmsExport:
    """Write exports/<lms>/<assignment>.csv under the course root, in the format of FORMATS[lms].

    Inputs: the roster ([RosterEntry]), the grades and max score (read_grades), and the title of the
    grade column in the LMS (default: the assignment's name). Returns an LmsExport; the file is
    written even when graded students are missing from the roster (the LmsExport names them).
    Raises RosterError when no rostered student can be written (an empty roster; Moodle: no email
    address at all), ValueError for an assignment name that is not a plain file name.
    """
    if assignment in ("", ".", "..") or Path(assignment).name != assignment:
        raise ValueError(f"assignment name {assignment!r} is not a plain file name")
    rows, left_out = FORMATS[lms](roster, grades, max_score, column or assignment)
    if not roster:
        raise RosterError("the roster lists no student.")
    if left_out and len(left_out) == len(roster):
        raise RosterError(f"no student of the roster has an email address, which {lms.capitalize()} needs to "
                          "find them: give export a --roster file with an `email` column.")
    path = CoursePaths(course_root, assignment).export_file(lms)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    rostered = {entry.id for entry in roster}
    return LmsExport(path=path, written=len(roster) - len(left_out),
                     graded=sum(1 for entry in roster if entry.id in grades and entry.id not in left_out),
                     max_score=max_score, unrostered=sorted(set(grades) - rostered), left_out=left_out)


def export_lms(course_root, assignment: str, lms: str, url: str, roster_file=None, column: str | None = None) -> LmsExport:
    """Read the gradebook at `url` and the roster (the file, else the gradebook's students), then
    write_lms_grades. Raises RosterError, NothingGraded, nbgrader.api.MissingEntry (no such assignment)."""
    from nbgrader.api import Gradebook

    roster = read_roster_file(roster_file) if roster_file else None
    with Gradebook(url) as gradebook:
        grades, max_score = read_grades(gradebook, assignment)
        if not grades:
            raise NothingGraded(assignment)
        if roster is None:
            roster = roster_from_gradebook(gradebook)
    return write_lms_grades(course_root, assignment, lms, roster, grades, max_score, column)


def run_lms_export(args, url: str, shown: str) -> int:
    """`python -m autograder export NAME --to canvas|moodle`: 0 when the file is written (warnings
    about missing students go to stderr), 1 with one sentence on stderr when nothing can be."""
    import sys

    from nbgrader.api import MissingEntry

    if args.to not in FORMATS:
        print(f"error: --roster and --column are for --to {' or '.join(FORMATS)}, not --to {args.to}.", file=sys.stderr)
        return 2
    try:
        result = export_lms(args.root, args.assignment, args.to, url, args.roster, args.column)
    except RosterError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except NothingGraded:
        print(f"error: no graded submissions of {one_line(args.assignment, 64)!r} in {shown}.", file=sys.stderr)
        return 1
    except MissingEntry:
        print(f"error: no assignment {one_line(args.assignment, 64)!r} in {shown}.", file=sys.stderr)
        return 1
    except ValueError as error:   # an assignment name that would write outside exports/<lms>/
        print(f"error: {one_line(error, 200)}.", file=sys.stderr)
        return 1
    source = f"roster {args.roster}" if args.roster else "the gradebook's student table"
    print(f"wrote {result.path}: {result.written} student(s) from {source}, {result.graded} with a grade "
          f"out of {points(result.max_score)} (no submission: empty grade)")
    if result.unrostered:
        print(f"warning: {len(result.unrostered)} graded student(s) not in {source}, so not in "
              f"{result.path.name}: {shown_names(result.unrostered)}", file=sys.stderr)
    if result.left_out:
        print(f"warning: {len(result.left_out)} student(s) of {source} have no email address, which Moodle "
              f"needs to find them, so are not in {result.path.name}: {shown_names(result.left_out)}",
              file=sys.stderr)
    return 0

