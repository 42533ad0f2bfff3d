"""Course package for "practical aspects of deep learning": what the notebooks import.

- course.datasets: the datasets, as X: (n_x, m) and Y: (1, m) arrays, and the stored values
                   (the checks' fixed example with its right answers, the notebooks' starting parameters)
- course.network:  the provided 3-layer network (forward, backward, training, prediction)
- course.plots:    decision boundaries, cost curves, activation scales
- course.signals:  how the activation scale evolves through deep stacks of layers
- course.checks:   the visible checks students run after each graded function
"""
