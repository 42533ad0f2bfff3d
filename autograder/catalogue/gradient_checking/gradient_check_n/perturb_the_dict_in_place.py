"""Perturbs the parameters dict entry by entry in place and restores it.

expect: pass
"""
import numpy as np

from course.gradient_checking import (dictionary_to_vector, forward_propagation_n, gradients_to_vector,
                                      vector_to_dictionary)


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):

    grad = gradients_to_vector(gradients)
    params = {key: np.array(value, dtype=float) for key, value in parameters.items()}
    approx = []
    for key in ("W1", "b1", "W2", "b2", "W3", "b3"):
        block = params[key]
        for index in np.ndindex(block.shape):
            saved = block[index]
            block[index] = saved + epsilon
            J_plus = forward_propagation_n(X, Y, params)[0]
            block[index] = saved - epsilon
            J_minus = forward_propagation_n(X, Y, params)[0]
            block[index] = saved
            approx.append((J_plus - J_minus) / (2 * epsilon))
    gradapprox = np.array(approx).reshape(-1, 1)

    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference
