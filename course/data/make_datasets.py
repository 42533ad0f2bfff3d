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

wave.h5  (L2 regularization assignment)
    Two overlapping classes on either side of the wavy curve x2 = 0.4 sin(2.5 x1).
    For each example: x ~ Uniform([-1, 1]^2); d = x2 - 0.4 sin(2.5 x1) is its signed vertical
    distance to the curve; the label is 1 with probability sigmoid(d / 0.15), so points near the
    curve often carry the other side's label (about 10 % of all labels disagree with the curve, so no
    classifier can expect much more than 90 % accuracy).
    200 training, 200 dev and 200 test examples, drawn independently from the same distribution.
    A [2, 20, 3, 1] network trained long without regularization memorizes the stray labels.

Layout of every file
--------------------
    train_X: (n_x, m_train) float64     train_Y: (1, m_train) int64 in {0, 1}
    test_X:  (n_x, m_test)  float64     test_Y:  (1, m_test)  int64 in {0, 1}
    dev_X, dev_Y: the same for a dev set, in datasets that have one (wave.h5)
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


def make_wave(m, seed, amplitude=0.4, frequency=2.5, noise=0.15):
    """Sample m points of the wave dataset (see the recipe at the top).

    Inputs:
    - m: number of examples
    - seed: seed of the random generator
    - noise: width of the band around the curve where labels are uncertain
    Returns:
    - X: (2, m) coordinates in [-1, 1]^2
    - Y: (1, m) labels, 1 mostly above the curve and 0 mostly below
    """
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, size=(2, m))
    distance = X[1] - amplitude * np.sin(frequency * X[0])
    probability_of_1 = 1.0 / (1.0 + np.exp(-distance / noise))
    Y = (rng.uniform(size=m) < probability_of_1).astype(np.int64).reshape(1, m)
    return X, Y


def build_wave():
    """The wave dataset: 200 train / 200 dev / 200 test examples, from independent seeds."""
    (train_X, train_Y), (test_X, test_Y), (dev_X, dev_Y) = (make_wave(200, seed) for seed in (1, 2, 3))
    return {"train_X": train_X, "train_Y": train_Y, "dev_X": dev_X, "dev_Y": dev_Y,
            "test_X": test_X, "test_Y": test_Y}


# name -> (builder, one-line description stored in the file)
DATASETS = {
    "rings": (build_rings, "Two concentric noisy rings: inner ring radius 0.5 is class 1, "
                           "outer ring radius 1.0 is class 0, radial noise sd 0.1."),
    "wave": (build_wave, "Two overlapping classes either side of x2 = 0.4 sin(2.5 x1), x uniform in [-1, 1]^2: "
                         "label 1 with probability sigmoid((x2 - 0.4 sin(2.5 x1)) / 0.15)."),
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
