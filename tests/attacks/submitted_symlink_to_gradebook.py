"""Hands in a symlink to the course's gradebook.db; the grader copies the database into the working folder, and the cell prints the classmates' grades and the instructor's cells (solutions, hidden tests) from it.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: symlink
links: data.db -> ../../../gradebook.db
old: nbgrader copied gradebook.db in through the symlink; it printed the grade rows and the instructor's cells from it; cheater 0
"""
import sqlite3

try:
    _db = sqlite3.connect("file:data.db?mode=ro", uri=True)
    for _row in _db.execute("SELECT * FROM grade"):
        print("grade:", _row)
    for (_source,) in _db.execute("SELECT source FROM source_cell"):
        print(_source)
    _db.close()
except sqlite3.Error as _error:
    print("gradebook:", _error)


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
