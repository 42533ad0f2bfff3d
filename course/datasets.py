"""Load the course datasets and the stored values, shipped as HDF5 files in course/data/."""

import copy
import functools
from pathlib import Path

import h5py
import numpy as np

DATA_DIR = Path(__file__).resolve().parent / "data"
# Not a dataset: the visible checks' fixed example with its right answers, and the notebooks' fixed
# starting parameters (written by autograder/stored_values.py, which computes them).
STORED_VALUES = DATA_DIR / "stored_values.h5"


def available_datasets():
    """Names of the datasets that can be passed to load_dataset."""
    return sorted(path.stem for path in DATA_DIR.glob("*.h5") if path != STORED_VALUES)


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
    if name not in available_datasets():
        raise FileNotFoundError(
            f"No dataset called {name!r}; available: {', '.join(available_datasets()) or 'none'}. "
            "Instructors rebuild them with: python -m course.data.make_datasets")
    with h5py.File(path, "r") as f:
        absent = [key for key in keys if key not in f]
        if absent:
            raise KeyError(f"The dataset {name!r} has no {absent[0].split('_')[0]} set; it holds "
                           f"{', '.join(sorted(f))}.")
        return tuple(np.array(f[key]) for key in keys)


def read_stored_values(group):
    """Everything under `group` (e.g. "regularization/example") of course/data/stored_values.h5.

    Returns nested dicts: each HDF5 group becomes a dict, each dataset a NumPy array (shapes as
    documented in autograder/stored_values.py, which writes the file).
    """
    # Checks read the same groups again and again (a grading worker, for every submission), and
    # reading a group's hundreds of small datasets costs far more than copying them. Each caller
    # gets its own copy, and a rewritten file (another modification time or size) is read again.
    stat = STORED_VALUES.stat()
    return copy.deepcopy(_read_group(STORED_VALUES, group, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=32)
def _read_group(path, group, modified_ns, size):
    with h5py.File(path, "r") as f:
        return _as_dict(f[group])


def _as_dict(group):
    """An open HDF5 group as nested dicts: subgroups become dicts, datasets NumPy arrays."""
    return {key: _as_dict(value) if isinstance(value, h5py.Group) else np.array(value)
            for key, value in group.items()}
