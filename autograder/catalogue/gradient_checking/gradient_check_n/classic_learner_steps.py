"""A learner's classic-course answer in this notebook's skeleton: J_plus[i], Step comments, colored messages.

expect: pass
"""
import numpy as np

from course.gradient_checking import (dictionary_to_vector, forward_propagation_n, gradients_to_vector,
                                      vector_to_dictionary)


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False, return_gradapprox=False):
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)                                      # Step 1
        theta_plus[i] = theta_plus[i] + epsilon                                      # Step 2
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))  # Step 3
        theta_minus = np.copy(parameters_values)                                     # Step 1
        theta_minus[i] = theta_minus[i] - epsilon                                    # Step 2
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))  # Step 3
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)                                    # Step 1'
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)                  # Step 2'
    difference = numerator / denominator                                             # Step 3'
    if print_msg:
        if difference > 2e-7:
            print("\033[93m" + "There is a mistake in the backward propagation! difference = " + str(difference) + "\033[0m")
        else:
            print("\033[92m" + "Your backward propagation works perfectly fine! difference = " + str(difference) + "\033[0m")
    if return_gradapprox:
        return difference, gradapprox
    return difference
