"""Reference solutions of the gradient checking assignment (never shipped to students).

Each function is a solution cell of source/gradient_checking/gradient_checking.ipynb (the cells'
grade_ids are the names), so each is self-contained: in a notebook it uses the kernel's
forward_propagation, backward_propagation and forward_propagation_n, here the ones imported below.
"""

import numpy as np

from course.gradient_checking import dictionary_to_vector, forward_propagation_n, gradients_to_vector, vector_to_dictionary


def forward_propagation(x, theta):
    """
    Inputs: x, theta: real numbers
    Returns: J, the cost J(theta) = theta^3 * x
    """
    ### BEGIN SOLUTION
    J = theta ** 3 * x
    ### END SOLUTION
    return J


def backward_propagation(x, theta):
    """
    Inputs: x, theta: real numbers
    Returns: dtheta, the derivative of J = theta^3 * x with respect to theta
    """
    ### BEGIN SOLUTION
    dtheta = 3 * theta ** 2 * x
    ### END SOLUTION
    return dtheta


def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    """
    Compare backward_propagation(x, theta) with the two-sided difference of forward_propagation.

    Inputs: x, theta: real numbers; epsilon: the small shift of theta
    Returns: difference = ||grad - gradapprox|| / (||grad|| + ||gradapprox||)
    """
    ### BEGIN SOLUTION
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION
    if print_msg:
        if difference > 2e-7:
            print(f"There is a mistake in the backward propagation! difference = {difference}")
        else:
            print(f"Your backward propagation works perfectly fine! difference = {difference}")
    return difference


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False, return_gradapprox=False):
    """
    Compare the gradients of backward_propagation_n with the two-sided differences of the cost
    computed by forward_propagation_n(X, Y, parameters), one parameter entry at a time.

    Inputs:
    - parameters: dict W1, b1, W2, b2, W3, b3; gradients: dict with dW1, db1, ..., db3 (other keys ignored)
    - X: (4, m), Y: (1, m); epsilon: the small shift of each entry
    Returns: difference = ||grad - gradapprox|| / (||grad|| + ||gradapprox||), or, with
    return_gradapprox=True, (difference, gradapprox): gradapprox (n, 1) in the order of dictionary_to_vector
    """
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        ### BEGIN SOLUTION
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
        ### END SOLUTION
    ### BEGIN SOLUTION
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION
    if print_msg:
        if difference > 2e-7:
            print(f"There is a mistake in the backward propagation! difference = {difference}")
        else:
            print(f"Your backward propagation works perfectly fine! difference = {difference}")
    if return_gradapprox:
        return difference, gradapprox
    return difference


def backward_propagation_n(X, Y, cache):
    """
    Backward pass of the [4, 5, 3, 1] network (the provided one, with its bugs fixed).

    Inputs: X: (4, m), Y: (1, m), cache from forward_propagation_n
    Returns: dict with dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
    """
    ### BEGIN SOLUTION
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

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    ### END SOLUTION
    return gradients
