"""Load the course datasets shipped as HDF5 files in course/data/."""

from pathlib import Path

import h5py
import numpy as np

DATA_DIR = Path(__file__).resolve().parent / "data"


def available_datasets():
    """Names of the datasets that can be passed to load_dataset."""
    return sorted(path.stem for path in DATA_DIR.glob("*.h5"))


def load_dataset(name):
    """Load a dataset by name.

    Inputs:
    - name: e.g. "rings" (see available_datasets())
    Returns (train_X, train_Y, test_X, test_Y):
    - train_X: (n_x, m_train) float64, train_Y: (1, m_train) int64 labels in {0, 1}
    - test_X:  (n_x, m_test)  float64, test_Y:  (1, m_test)  int64 labels in {0, 1}
    """
    path = DATA_DIR / f"{name}.h5"
    if not path.exists():
        raise FileNotFoundError(
            f"No dataset called {name!r}; available: {', '.join(available_datasets()) or 'none'}. "
            "Instructors rebuild them with: python -m course.data.make_datasets")
    with h5py.File(path, "r") as f:
        return tuple(np.array(f[key]) for key in ("train_X", "train_Y", "test_X", "test_Y"))
