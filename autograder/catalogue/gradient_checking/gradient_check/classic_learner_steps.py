"""A learner's classic-course answer: thetaplus, thetaminus, the Step comments and np.linalg.norm.

expect: pass
"""
import numpy as np


def forward_propagation(x, theta):
    return theta ** 3 * x


def backward_propagation(x, theta):
    return 3 * theta ** 2 * x


def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    thetaplus = theta + epsilon                                        # Step 1
    thetaminus = theta - epsilon                                       # Step 2
    J_plus = forward_propagation(x, thetaplus)                         # Step 3
    J_minus = forward_propagation(x, thetaminus)                       # Step 4
    gradapprox = (J_plus - J_minus) / (2 * epsilon)                    # Step 5

    grad = backward_propagation(x, theta)

    numerator = np.linalg.norm(grad - gradapprox)                      # Step 1'
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)    # Step 2'
    difference = numerator / denominator                               # Step 3'

    if print_msg:
        if difference > 2e-7:
            print("\033[93m" + "There is a mistake in the backward propagation! difference = " + str(difference) + "\033[0m")
        else:
            print("\033[92m" + "Your backward propagation works perfectly fine! difference = " + str(difference) + "\033[0m")

    return difference
