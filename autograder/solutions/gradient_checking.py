"""Reference solutions of the gradient checking assignment (never shipped to students).

The same code is in source/gradient_checking/gradient_checking.ipynb between the solution markers.
`gradient_check_n` takes the cost as an optional argument so the grader can evaluate it with the
provided network (the students' version uses their kernel's forward_propagation_n).
"""

import numpy as np

from course.gradient_checking import (dictionary_to_vector, forward_propagation_n, gradients_to_vector,
                                      vector_to_dictionary)


def forward_propagation(x, theta):
    """J(theta) = theta * x."""
    return theta * x


def backward_propagation(x, theta):
    """dJ/dtheta of J(theta) = theta * x, which is x."""
    return x


def relative_difference(grad, gradapprox):
    """||gradapprox - grad|| / (||gradapprox|| + ||grad||), the course's comparison."""
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    return float(numerator / denominator)


def gradient_check(x, theta, epsilon=1e-7, print_msg=False, forward=None, backward=None):
    """Relative difference between backward_propagation(x, theta) and the two-sided difference."""
    forward = forward or forward_propagation
    backward = backward or backward_propagation
    J_plus = forward(x, theta + epsilon)
    J_minus = forward(x, theta - epsilon)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward(x, theta)
    difference = relative_difference(grad, gradapprox)
    if print_msg:
        if difference > 2e-7:
            print(f"There is a mistake in the backward propagation! difference = {difference}")
        else:
            print(f"Your backward propagation works perfectly fine! difference = {difference}")
    return difference


def gradapprox_n(parameters, X, Y, epsilon=1e-7, forward=None):
    """The two-sided numerical gradient of the cost, as a column vector in dictionary_to_vector's order."""
    forward = forward or forward_propagation_n
    parameters_values, _ = dictionary_to_vector(parameters)
    num_parameters = parameters_values.shape[0]
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] += epsilon
        J_plus, _ = forward(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] -= epsilon
        J_minus, _ = forward(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    return gradapprox


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False, forward=None):
    """Relative difference between the gradients of backward_propagation_n and the numerical ones."""
    grad = gradients_to_vector(gradients)
    gradapprox = gradapprox_n(parameters, X, Y, epsilon, forward)
    difference = relative_difference(grad, gradapprox)
    if print_msg:
        if difference > 2e-7:
            print(f"\033[93mThere is a mistake in the backward propagation! difference = {difference}\033[0m")
        else:
            print(f"\033[92mYour backward propagation works perfectly fine! difference = {difference}\033[0m")
    return difference


def backward_propagation_n(X, Y, cache):
    """The provided backward pass with its planted bugs repaired (dW2 without the factor 2, db1
    with 1/m instead of 4/m)."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * dZ3 @ A2.T
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (1 - A2 ** 2)
    dW2 = 1. / m * dZ2 @ A1.T
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (1 - A1 ** 2)
    dW1 = 1. / m * dZ1 @ X.T
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3,
            "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
