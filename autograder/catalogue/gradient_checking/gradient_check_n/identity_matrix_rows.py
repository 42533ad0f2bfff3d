"""Perturbation vectors taken from the rows of an identity matrix.

expect: pass
"""
import numpy as np

from course.gradient_checking import (dictionary_to_vector, forward_propagation_n, gradients_to_vector,
                                      vector_to_dictionary)


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):

    theta, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    E = np.eye(theta.shape[0]) * epsilon
    J = lambda t: forward_propagation_n(X, Y, vector_to_dictionary(t))[0]
    gradapprox = np.array([(J(theta + E[:, [i]]) - J(theta - E[:, [i]])) / (2 * epsilon)
                           for i in range(theta.shape[0])]).reshape(-1, 1)

    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference
