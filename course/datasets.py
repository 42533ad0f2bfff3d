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
    return _read(name, ("train_X", "train_Y", "test_X", "test_Y"))


def load_dev_set(name):
    """Load the dev set of a dataset that has one (see available_datasets()).

    Returns (dev_X, dev_Y): (n_x, m_dev) float64 and (1, m_dev) int64 labels in {0, 1}, drawn
    from the same distribution as the training and test sets of `name`.
    """
    return _read(name, ("dev_X", "dev_Y"))


def _read(name, keys):
    path = DATA_DIR / f"{name}.h5"
    if not path.exists():
        raise FileNotFoundError(
            f"No dataset called {name!r}; available: {', '.join(available_datasets()) or 'none'}. "
            "Instructors rebuild them with: python -m course.data.make_datasets")
    with h5py.File(path, "r") as f:
        absent = [key for key in keys if key not in f]
        if absent:
            raise KeyError(f"The dataset {name!r} has no {absent[0].split('_')[0]} set; it holds "
                           f"{', '.join(sorted(f))}.")
        return tuple(np.array(f[key]) for key in keys)
