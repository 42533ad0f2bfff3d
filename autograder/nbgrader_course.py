"""Open an nbgrader course root and run nbgrader with grading's environment.

The repository root is the course root. Grading kernels must be able to import `autograder`
(the hidden tests call into it) while students' kernels must not, so `autograder` is never
installed: `grading_environment()` puts this checkout on PYTHONPATH for the kernels that nbgrader
starts, and nothing else does.
"""

import contextlib
import logging
import os
import sys
import warnings
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


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
        with warnings.catch_warnings():
            # nbgrader's gradebook code trips SQLAlchemy's autoflush warnings; they are not ours to fix.
            warnings.filterwarnings("ignore", module="nbgrader.api")
            yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def load_course_config(root):
    """The traitlets Config of the course root `root` (its nbgrader_config.py), made absolute."""
    from traitlets.config.loader import PyFileConfigLoader

    root = Path(root).resolve()
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    return config


def open_course(root, sandbox=True):
    """An nbgrader API object for the course root `root`, configured by its nbgrader_config.py.

    Autograding runs each submission through autograder.execute.GraderExecute instead of
    nbgrader's Execute: a sandboxed kernel, and test cells run by the grader. sandbox=False keeps
    the grader-run test cells but starts kernels without the sandbox (c.Sandbox.enabled).
    Returns nbgrader.apps.NbGraderAPI; its methods (generate_assignment, autograde,
    generate_feedback) return {"success": bool, "log": str, "error": str}.
    """
    # Imported here so that `python -m autograder --help` stays fast.
    from nbgrader.apps import NbGraderAPI
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import ClearHiddenTests, Execute, GetGrades

    from autograder.execute import GraderExecute

    root = Path(root).resolve()
    config = load_course_config(root)
    # Feedback shows each test cell without its hidden tests (nbgrader shows them by default).
    config.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, ClearHiddenTests]
    config.Autograde.autograde_preprocessors = [GraderExecute if step is Execute else step
                                                for step in Autograde.class_traits()["autograde_preprocessors"].make_dynamic_default()]
    if not sandbox:
        config.Sandbox.enabled = False
    # This course hands out and collects files itself; there is no shared exchange folder.
    config.Exchange.root = str(root / ".exchange")
    config.NbGraderAPI.log_level = logging.WARNING
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def check(result, what):
    """Raise RuntimeError with nbgrader's own log if an API call did not succeed."""
    if not result["success"]:
        details = (result.get("error") or "") + (result.get("log") or "")
        raise RuntimeError(f"nbgrader could not {what}:\n{details.strip()}")
    return result
