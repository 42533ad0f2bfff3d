"""Generate the course datasets and store them as HDF5 files next to this script.

Run from the repository root:  python -m course.data.make_datasets

Every file is rebuilt from a fixed seed, so the output is the same on every machine
(the test suite regenerates the arrays and compares them with the shipped files).

Recipes
-------
rings.h5  (initialization assignment)
    Two concentric noisy rings in the plane, labels 1 (inner ring) and 0 (outer ring).
    For each example: angle ~ Uniform[0, 2*pi); radius = 0.5 (inner) or 1.0 (outer),
    plus Gaussian radial noise with standard deviation 0.1; x = radius * (cos, sin).
    300 training examples and 100 test examples, exactly half of each class, shuffled.
    No straight line separates the classes, so a linear classifier stays near 50 %.

Layout of every file
--------------------
    train_X: (n_x, m_train) float64     train_Y: (1, m_train) int64 in {0, 1}
    test_X:  (n_x, m_test)  float64     test_Y:  (1, m_test)  int64 in {0, 1}
    attribute "description": the recipe above, in one line.
"""

from pathlib import Path

import h5py
import numpy as np

DATA_DIR = Path(__file__).resolve().parent


def make_rings(m, seed, inner_radius=0.5, outer_radius=1.0, noise=0.1):
    """Sample m points on two noisy concentric rings, half from each.

    Inputs:
    - m: number of examples (even)
    - seed: seed of the random generator, so the sample is reproducible
    Returns:
    - X: (2, m) coordinates
    - Y: (1, m) labels, 1 for the inner ring, 0 for the outer ring
    """
    rng = np.random.default_rng(seed)
    labels = np.repeat([1, 0], m // 2)
    radius = np.where(labels == 1, inner_radius, outer_radius) + noise * rng.standard_normal(m)
    angle = rng.uniform(0.0, 2.0 * np.pi, size=m)
    X = np.stack([radius * np.cos(angle), radius * np.sin(angle)])
    order = rng.permutation(m)
    return X[:, order], labels[order].reshape(1, m).astype(np.int64)


def build_rings():
    """The rings dataset: 300 train / 100 test examples, from independent seeds."""
    train_X, train_Y = make_rings(300, seed=1)
    test_X, test_Y = make_rings(100, seed=2)
    return {"train_X": train_X, "train_Y": train_Y, "test_X": test_X, "test_Y": test_Y}


# name -> (builder, one-line description stored in the file)
DATASETS = {
    "rings": (build_rings, "Two concentric noisy rings: inner ring radius 0.5 is class 1, "
                           "outer ring radius 1.0 is class 0, radial noise sd 0.1."),
}


def write_dataset(name, directory=DATA_DIR):
    """Build dataset `name` and write it to `<directory>/<name>.h5`; return the path."""
    builder, description = DATASETS[name]
    path = Path(directory) / f"{name}.h5"
    with h5py.File(path, "w") as f:
        for key, array in builder().items():
            f.create_dataset(key, data=array)
        f.attrs["description"] = description
    return path


def main():
    for name in DATASETS:
        print(f"wrote {write_dataset(name)}")


if __name__ == "__main__":
    main()
