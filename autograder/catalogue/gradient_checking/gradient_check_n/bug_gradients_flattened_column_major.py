"""Flattens the gradients column by column (order F), the parameters row by row.

expect: fail
"""
import numpy as np

from course.gradient_checking import (dictionary_to_vector, forward_propagation_n, gradients_to_vector,
                                      vector_to_dictionary)


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):

    theta, _ = dictionary_to_vector(parameters)
    grad = np.concatenate([gradients["d" + k].reshape(-1, 1, order="F") for k in ("W1", "b1", "W2", "b2", "W3", "b3")])
    gradapprox = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        tp, tm = theta.copy(), theta.copy()
        tp[i] += epsilon
        tm[i] -= epsilon
        gradapprox[i] = (forward_propagation_n(X, Y, vector_to_dictionary(tp))[0]
                         - forward_propagation_n(X, Y, vector_to_dictionary(tm))[0]) / (2 * epsilon)

    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference
