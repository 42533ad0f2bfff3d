"""Are the shipped HDF5 datasets what the generator makes, in the course's layout?"""

import h5py
import numpy as np
import pytest

from course.data import make_datasets
from course.datasets import DATA_DIR, available_datasets, load_dataset


@pytest.mark.parametrize("name", sorted(make_datasets.DATASETS))
def test_does_the_shipped_file_equal_a_fresh_run_of_the_generator(name, tmp_path):
    fresh = make_datasets.write_dataset(name, tmp_path)
    with h5py.File(fresh) as regenerated, h5py.File(DATA_DIR / f"{name}.h5") as shipped:
        assert set(regenerated) == set(shipped)
        for key in shipped:
            np.testing.assert_array_equal(regenerated[key][()], shipped[key][()], err_msg=key)
        assert regenerated.attrs["description"] == shipped.attrs["description"]


def test_is_every_generated_dataset_shipped():
    assert available_datasets() == sorted(make_datasets.DATASETS)


def test_do_the_rings_have_the_documented_shapes_labels_and_balance():
    train_X, train_Y, test_X, test_Y = load_dataset("rings")
    assert train_X.shape == (2, 300) and train_Y.shape == (1, 300)
    assert test_X.shape == (2, 100) and test_Y.shape == (1, 100)
    assert train_X.dtype == np.float64 and np.issubdtype(train_Y.dtype, np.integer)
    assert set(np.unique(train_Y)) == {0, 1} and train_Y.mean() == 0.5 and test_Y.mean() == 0.5
    radius = np.linalg.norm(train_X, axis=0)
    # Inner ring (class 1) near radius 0.5, outer ring (class 0) near 1.0.
    assert abs(np.median(radius[train_Y[0] == 1]) - 0.5) < 0.05
    assert abs(np.median(radius[train_Y[0] == 0]) - 1.0) < 0.05


def test_are_the_rings_not_linearly_separable():
    train_X, train_Y, _, _ = load_dataset("rings")
    # The best least-squares linear classifier stays near chance on concentric rings.
    features = np.vstack([train_X, np.ones((1, train_X.shape[1]))])
    weights, *_ = np.linalg.lstsq(features.T, train_Y.ravel() - 0.5, rcond=None)
    accuracy = np.mean((features.T @ weights > 0) == (train_Y.ravel() == 1))
    assert accuracy < 0.65


def test_does_an_unknown_name_list_the_available_datasets():
    with pytest.raises(FileNotFoundError, match=r"available: .*rings"):
        load_dataset("moons_that_do_not_exist")


def test_does_the_wave_have_train_dev_and_test_sets_of_200_from_one_distribution():
    from course.datasets import load_dev_set

    train_X, train_Y, test_X, test_Y = load_dataset("wave")
    dev_X, dev_Y = load_dev_set("wave")
    for X, Y in ((train_X, train_Y), (dev_X, dev_Y), (test_X, test_Y)):
        assert X.shape == (2, 200) and Y.shape == (1, 200)
        assert np.all(np.abs(X) <= 1) and set(np.unique(Y)) == {0, 1}
        # Mostly above the curve is class 1, but about 10 % of the labels disagree with it (the noise
        # that an unregularized network learns by heart).
        above = X[1] > 0.4 * np.sin(2.5 * X[0])
        assert 0.05 <= np.mean(above != (Y[0] == 1)) <= 0.16
    assert not np.array_equal(train_X, dev_X) and not np.array_equal(dev_X, test_X)


def test_does_asking_for_a_missing_dev_set_say_what_the_file_holds():
    from course.datasets import load_dev_set

    with pytest.raises(KeyError, match="'rings' has no dev set; it holds test_X, test_Y, train_X, train_Y"):
        load_dev_set("rings")
