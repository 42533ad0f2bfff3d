"""Figures used by the notebooks. Every function draws on a matplotlib Axes and returns it."""

import matplotlib.pyplot as plt
import numpy as np


def _axes(ax):
    return ax if ax is not None else plt.gca()


def plot_dataset(X, Y, ax=None, title=None):
    """Scatter a 2-D dataset. X: (2, m), Y: (1, m) labels in {0, 1}."""
    ax = _axes(ax)
    labels = np.ravel(Y)
    for value, color, name in ((0, "tab:blue", "class 0"), (1, "tab:red", "class 1")):
        points = X[:, labels == value]
        ax.scatter(points[0], points[1], s=14, c=color, edgecolors="k", linewidths=0.3, label=name)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_aspect("equal")
    ax.legend(loc="upper right", fontsize="x-small", framealpha=0.8)
    if title:
        ax.set_title(title)
    return ax


def plot_decision_boundary(predict_fn, X, Y, ax=None, title=None, resolution=300):
    """Shade the regions a classifier assigns to each class and overlay the data.

    Inputs:
    - predict_fn: function taking points of shape (2, k) and returning (1, k) predictions in {0, 1}
    - X: (2, m) data, Y: (1, m) labels
    """
    ax = _axes(ax)
    pad = 0.25
    x_min, x_max = X[0].min() - pad, X[0].max() + pad
    y_min, y_max = X[1].min() - pad, X[1].max() + pad
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, resolution), np.linspace(y_min, y_max, resolution))
    grid = np.stack([xx.ravel(), yy.ravel()])
    regions = np.asarray(predict_fn(grid)).reshape(xx.shape)
    ax.contourf(xx, yy, regions, levels=[-0.5, 0.5, 1.5], colors=["#c6dbef", "#fcbba1"])
    ax.fill_between([], [], color="#c6dbef", label="predicted 0")
    ax.fill_between([], [], color="#fcbba1", label="predicted 1")
    plot_dataset(X, Y, ax=ax, title=title)
    ax.set_xlim(x_min, x_max)
    ax.set_ylim(y_min, y_max)
    return ax


def plot_costs(costs, ax=None, title="Training cost", log_scale=True, stop=None):
    """Plot one or more cost curves.

    Inputs:
    - costs: dict name -> list of (iteration, cost) pairs, as returned by course.network.train
    - stop: (iteration, label) to mark with a vertical line, e.g. where early stopping would stop
    """
    ax = _axes(ax)
    for name, curve in costs.items():
        iterations, values = zip(*curve)
        ax.plot(iterations, values, label=name)
    if stop is not None:
        ax.axvline(stop[0], color="k", linestyle=":", label=stop[1])
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost" + (" (log scale)" if log_scale else ""))
    if log_scale:
        ax.set_yscale("log")
    ax.set_title(title)
    ax.legend()
    ax.grid(True, which="both", alpha=0.3)
    return ax


def plot_layer_scales(scales, ax=None, title="Scale of the activations through the layers"):
    """Plot the root-mean-square activation of every layer on a log scale.

    Inputs:
    - scales: dict name -> (depth + 1,) array, as returned by course.signals.activation_scales
    """
    ax = _axes(ax)
    for name, values in scales.items():
        ax.plot(np.arange(len(values)), values, marker="o", markersize=3, label=name)
    ax.set_yscale("log")
    ax.set_xlabel("layer l (0 = input)")
    ax.set_ylabel("RMS of the activations $A^{[l]}$")
    ax.set_title(title)
    ax.legend()
    ax.grid(True, which="both", alpha=0.3)
    return ax


def plot_accuracy_against_lambda(lambdas, train_accuracy, dev_accuracy, baseline=None, ax=None,
                                 title="Choosing lambda on the dev set", trained=None):
    """Train and dev accuracy against the regularization strength, lambda on a log scale.

    Inputs:
    - lambdas: (k,) positive values of lambda
    - train_accuracy, dev_accuracy: (k,) accuracies in [0, 1], one per lambda
    - baseline: optional (train, dev) accuracies without regularization, drawn as dashed lines
    - trained: optional lambda of a model trained earlier, marked with a dotted vertical line
    The two ends of the axis are labelled with what they mean: variance on the left, bias on the right.
    """
    ax = _axes(ax)
    ax.plot(lambdas, 100 * np.asarray(train_accuracy), marker="o", color="tab:blue", label="train accuracy")
    ax.plot(lambdas, 100 * np.asarray(dev_accuracy), marker="o", color="tab:orange", label="dev accuracy")
    if baseline is not None:
        ax.axhline(100 * baseline[0], color="tab:blue", linestyle="--", alpha=0.6, label="train, no regularization")
        ax.axhline(100 * baseline[1], color="tab:orange", linestyle="--", alpha=0.6, label="dev, no regularization")
    if trained is not None:
        ax.axvline(trained, color="k", linestyle=":", label=f"lambda = {trained:g}, the model trained above")
    # A white box keeps the labels readable where a line passes under them.
    label_box = dict(facecolor="white", edgecolor="none", alpha=0.85, pad=1.5)
    ax.text(0.02, 0.98, "\u2190 smaller lambda: variance (train above dev)", transform=ax.transAxes, ha="left",
            va="top", fontsize="x-small", color="0.3", bbox=label_box)
    ax.text(0.98, 0.02, "larger lambda: bias (both fall) \u2192", transform=ax.transAxes, ha="right",
            va="bottom", fontsize="x-small", color="0.3", bbox=label_box)
    low = min(np.min(train_accuracy), np.min(dev_accuracy), *(baseline or [1]))
    ax.set_ylim(100 * low - 8, 100)
    ax.set_xscale("log")
    ax.set_xlabel("lambda, the L2 regularization strength (log scale)")
    ax.set_ylabel("accuracy (%)")
    ax.set_title(title)
    ax.legend(fontsize="small", loc="center left")
    ax.grid(True, which="both", alpha=0.3)
    return ax


def plot_accuracy_over_draws(train_accuracy, test_accuracy, ax=None,
                             title="Accuracy after training, one point per random draw"):
    """Train and test accuracy of every draw, one column per initialization, median marked.

    Inputs:
    - train_accuracy, test_accuracy: dict name -> list of accuracies in [0, 1], one per draw
      (the same names in both; a deterministic initialization may have a single value)
    """
    ax = _axes(ax)
    for column, name in enumerate(train_accuracy):
        for offset, values, color, label in ((-0.15, train_accuracy[name], "tab:blue", "train"),
                                             (0.15, test_accuracy[name], "tab:orange", "test")):
            values = 100 * np.asarray(values, dtype=float)
            # Spread the points of a column sideways a little, so that equal values stay visible.
            spread = np.linspace(-0.08, 0.08, len(values)) if len(values) > 1 else np.zeros(1)
            ax.scatter(column + offset + spread, values, s=18, color=color, alpha=0.7, edgecolors="k",
                       linewidths=0.3, label=label if column == 0 else None)
            ax.hlines(np.median(values), column + offset - 0.12, column + offset + 0.12, color=color,
                      linewidth=2, label=f"median ({label})" if column == 0 else None)
    counts = {name: len(values) for name, values in train_accuracy.items()}
    ax.set_xticks(range(len(counts)), [f"{name}\n({n} draw{'s' if n != 1 else ''})" for name, n in counts.items()])
    ax.set_xlim(-0.6, len(train_accuracy) - 0.4)
    ax.set_ylabel("accuracy (%)")
    ax.set_title(title)
    ax.legend(fontsize="small", loc="lower right")
    ax.grid(True, axis="y", alpha=0.3)
    return ax
