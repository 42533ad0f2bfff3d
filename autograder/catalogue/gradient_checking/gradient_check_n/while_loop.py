"""A while loop over the entries.

expect: pass
"""
import numpy as np

from course.gradient_checking import (dictionary_to_vector, forward_propagation_n, gradients_to_vector,
                                      vector_to_dictionary)


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    n = parameters_values.shape[0]
    gradapprox = np.zeros((n, 1))

    for i in range(n):
        pass
    i = 0
    while i < n:
        plus = parameters_values.copy(); plus[i] += epsilon
        minus = parameters_values.copy(); minus[i] -= epsilon
        gradapprox[i] = (forward_propagation_n(X, Y, vector_to_dictionary(plus))[0]
                         - forward_propagation_n(X, Y, vector_to_dictionary(minus))[0]) / (2 * epsilon)
        i += 1
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference
