"""The grader: reference solutions, hidden-test checks, the gradient-check harness and the grading engine."""

import sys

# jsonschema imports rfc3987_syntax whenever it is installed (jupyter_events brings it), and that
# module compiles its IRI grammars on import: 1.3 s of the start of every grading process and Dask
# worker, for the "iri" formats that no schema the grader validates (notebooks) uses. Marked as
# absent, it is skipped as it is wherever it is not installed.
sys.modules.setdefault("rfc3987_syntax", None)
