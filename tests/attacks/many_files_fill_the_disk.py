"""Writes 40 files of 60 MiB (each under a per-file size limit) into its working folder, 2.4 GiB in all, and reports how much the disk took.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: PENDING
"""
import os

_block = b"\1" * (60 * 1024 * 1024)
_written = 0
for _index in range(40):
    try:
        with open(f"gradeghost-data-{_index:02d}.bin", "wb") as _file:
            _file.write(_block)
        _written += len(_block)
    except OSError as _error:
        print(_error)
        break
print(f"wrote {_written / 2 ** 30:.2f} GiB")
if _written > 2 ** 30:
    print(f"gradeghost-evidence: wrote {_written / 2 ** 30:.2f} GiB into the working folder")


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
