"""Another BLAS kernel for tests that prove a figure does not depend on the last bits."""

import os
import platform


def other_blas_kernel():
    """Environment variables that make OpenBLAS use another kernel than it picks on this machine.

    An older CPU's kernel (no FMA) rounds differently, as another CPU or BLAS build does. A machine
    that sets OPENBLAS_CORETYPE itself (some need it for correct results) keeps it; the run then
    differs by the number of BLAS threads instead."""
    if os.environ.get("OPENBLAS_CORETYPE"):
        return {"OPENBLAS_NUM_THREADS": "1" if os.environ.get("OPENBLAS_NUM_THREADS") != "1" else "2"}
    kernel = {"x86_64": "Sandybridge", "amd64": "Sandybridge", "aarch64": "ARMV8", "arm64": "ARMV8"}
    return {"OPENBLAS_CORETYPE": kernel.get(platform.machine().lower(), "")}
