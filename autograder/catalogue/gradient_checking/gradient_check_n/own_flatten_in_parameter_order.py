"""Flattens both dicts itself, in the parameters' order W1, b1, ..., b3.

expect: pass
"""
import numpy as np

from course.gradient_checking import (dictionary_to_vector, forward_propagation_n, gradients_to_vector,
                                      vector_to_dictionary)


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):

    order = ["W1", "b1", "W2", "b2", "W3", "b3"]
    theta = np.concatenate([parameters[k].reshape(-1) for k in order]).astype(float)
    grad = np.concatenate([gradients["d" + k].reshape(-1) for k in order])
    gradapprox = np.zeros_like(theta)
    for i in range(len(theta)):
        tp, tm = theta.copy(), theta.copy()
        tp[i] += epsilon
        tm[i] -= epsilon
        gradapprox[i] = (forward_propagation_n(X, Y, vector_to_dictionary(tp))[0]
                         - forward_propagation_n(X, Y, vector_to_dictionary(tm))[0]) / (2 * epsilon)

    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    return difference
