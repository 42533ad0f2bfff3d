"""Open an nbgrader course root and run nbgrader with grading's environment.

The repository root is the course root. Grading kernels must be able to import `autograder`
(the hidden tests call into it) while students' kernels must not, so `autograder` is never
installed: `grading_environment()` puts this checkout on PYTHONPATH for the kernels that nbgrader
starts, and nothing else does.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from traitlets.config import Config

REPO_ROOT = Path(__file__).resolve().parents[1]


def copy_course_root(directory: str | Path) -> Path:
    """Make `directory` a course root holding this repository's nbgrader_config.py and source/
    (nothing released or graded yet); returns it."""
    directory = Path(directory)
    shutil.copy(REPO_ROOT / "nbgrader_config.py", directory)
    shutil.copytree(REPO_ROOT / "source", directory / "source")
    return directory


@contextlib.contextmanager
def quiet_gradebook_warnings():
    """Within this block, the SQLAlchemy warnings nbgrader's gradebook code trips (autoflush, three
    per recorded submission) are not shown: they are not ours to fix, and a Dask worker would print
    them on the instructor's terminal."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module="nbgrader.api")
        yield


@contextlib.contextmanager
def grading_environment():
    """Within this block, kernels started by nbgrader import this checkout's autograder and course.

    Also puts this interpreter's bin/ first on PATH: nbgrader runs helper commands (alembic, for
    the gradebook schema) and kernels by name, and they must come from the same environment.
    """
    saved = {key: os.environ.get(key) for key in ("PYTHONPATH", "PATH")}
    paths = [str(REPO_ROOT)] + ([saved["PYTHONPATH"]] if saved["PYTHONPATH"] else [])
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), saved["PATH"] or ""])
    try:
        with quiet_gradebook_warnings():
            yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def read_config_file(root: str | Path) -> Config:
    """The traitlets Config in the course root's nbgrader_config.py, as written there; an empty one
    when the root has none (nbgrader's defaults then apply, as in nbgrader itself)."""
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    if not (Path(root) / "nbgrader_config.py").is_file():
        return Config()
    return PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()


def gradebook_url(course_root: str | Path, config: Config | None = None, db_url: str | None = None) -> str:
    """The SQLAlchemy URL of the course's gradebook: the one place that decides it.

    In order: `db_url` when given (python -m autograder grade --db-url), else
    c.CourseDirectory.db_url of the course's nbgrader_config.py (`config` when given, else read
    from the course root), else sqlite:///<root>/gradebook.db. A relative SQLite path is made
    relative to the course root, as if nbgrader ran there, whatever the current folder.
    Other URLs are returned as written, for instance postgresql://grader@/gradebook (psycopg 3).

    No environment variable is read: the test suite grades many course roots, and a URL taken
    from a developer's shell would send all of their gradebooks into one shared database.
    PostgreSQL credentials can stay out of nbgrader_config.py all the same: libpq reads
    PGPASSWORD, PGUSER, PGHOST and ~/.pgpass by itself.
    """
    from sqlalchemy.engine import make_url

    root = Path(course_root).resolve()
    if db_url is None:
        config = read_config_file(root) if config is None else config
        db_url = config.CourseDirectory.get("db_url") or f"sqlite:///{root / 'gradebook.db'}"
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:" \
            and not Path(url.database).is_absolute():
        return url.set(database=str(root / url.database)).render_as_string(hide_password=False)
    return str(db_url)


def load_course_config(root: str | Path, db_url: str | None = None) -> Config:
    """The traitlets Config of the course root `root` (its nbgrader_config.py), made absolute:
    the root, and the gradebook URL that gradebook_url() chooses (`db_url` wins when given)."""
    root = Path(root).resolve()
    config = read_config_file(root)
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = gradebook_url(root, config, db_url)
    return config


def open_course(root: str | Path, sandbox: bool = True, db_url: str | None = None, execute_step: type | None = None):
    """An nbgrader API object for the course root `root`, configured by its nbgrader_config.py.

    Autograding runs each submission through `execute_step` instead of nbgrader's Execute; this is
    the one place where that step is swapped. By default it is autograder.grading.execute.GraderExecute: a
    sandboxed kernel, and test cells run by the grader (class grading passes
    autograder.grading.worker.InsertExecutedOutputs, which takes outputs executed on a worker). sandbox=False keeps
    the grader-run test cells but starts kernels without the sandbox (c.Sandbox.enabled).
    db_url, when given, is the gradebook instead of the configured one (see gradebook_url).
    Returns nbgrader.apps.NbGraderAPI; its methods (generate_assignment, autograde,
    generate_feedback) return {"success": bool, "log": str, "error": str}.
    """
    # Imported here so that `python -m autograder --help` stays fast.
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.apps import NbGraderAPI
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import ClearHiddenTests, Execute, GetGrades

    from autograder.grading.execute import GraderExecute
    from autograder.grading.feedback import configure_feedback

    root = Path(root).resolve()
    config = load_course_config(root, db_url)
    # Feedback shows each test cell without its hidden tests (nbgrader shows them by default).
    config.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, ClearHiddenTests]
    # ... and runs nothing a student wrote: every Markdown cell, output and comment is sanitized.
    configure_feedback(config)
    default_steps = Autograde.class_traits()["autograde_preprocessors"].make_dynamic_default()
    execute_step = execute_step or GraderExecute
    config.Autograde.autograde_preprocessors = [execute_step if step is Execute else step for step in default_steps]
    if not sandbox:
        config.Sandbox.enabled = False
    # This course hands out and collects files itself; there is no shared exchange folder.
    config.Exchange.root = str(root / ".exchange")
    config.NbGraderAPI.log_level = logging.WARNING
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def check(result: dict, what: str) -> dict:
    """Raise RuntimeError with nbgrader's own log if an API call did not succeed."""
    if not result["success"]:
        details = (result.get("error") or "") + (result.get("log") or "")
        raise RuntimeError(f"nbgrader could not {what}:\n{details.strip()}")
    return result
