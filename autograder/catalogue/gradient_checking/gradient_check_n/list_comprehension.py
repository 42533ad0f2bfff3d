"""The numerical gradient as a list comprehension over a helper.

expect: pass
"""
import numpy as np

from course.gradient_checking import (dictionary_to_vector, forward_propagation_n, gradients_to_vector,
                                      vector_to_dictionary)


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):

    theta, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)

    def J_shifted(i, delta):
        shifted = theta.copy()
        shifted[i] += delta
        return forward_propagation_n(X, Y, vector_to_dictionary(shifted))[0]

    gradapprox = np.array([[(J_shifted(i, epsilon) - J_shifted(i, -epsilon)) / (2 * epsilon)] for i in range(len(theta))])

    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference
