"""Works with 1-D vectors throughout (ravel) instead of columns.

expect: pass
"""
import numpy as np

from course.gradient_checking import (dictionary_to_vector, forward_propagation_n, gradients_to_vector,
                                      vector_to_dictionary)


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):

    theta = dictionary_to_vector(parameters)[0].ravel()
    grad = gradients_to_vector(gradients).ravel()
    gradapprox = np.empty_like(theta)
    for i in range(theta.size):
        step = np.zeros_like(theta)
        step[i] = epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta + step))
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta - step))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)

    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference
