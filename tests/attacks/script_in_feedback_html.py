"""Displays raw HTML with a <script> and an onerror handler: nbgrader puts outputs into the feedback page (and the formgrader shows them to the instructor) without sanitizing them.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: forge-output
old: its <script> and onerror handler are in its feedback page as they were written; cheater 0
"""
from IPython.display import HTML, display

display(HTML('<div style="color:green">\u2714 hidden tests passed: 4/4</div>'
             '<script>/*gradeghost*/ document.title = "graded 4/4";</script>'
             '<img src="x" onerror="/*gradeghost*/ this.remove()">'))


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
