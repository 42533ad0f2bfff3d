"""Writes a 2 GiB file into its working folder (the grader's autograded/ on the old path) and 256 MiB into /tmp.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: left 2 GiB in autograded/<student>/ and 256 MiB in /tmp (no file-size limit); cheater 0
"""
import os

_block = b"\1" * (64 * 1024 * 1024)
for _path, _blocks in (("gradeghost-padding.bin", 32), (os.path.join("/tmp", f"gradeghost-fill-{os.getpid()}.bin"), 4)):
    try:
        with open(_path, "wb") as _file:
            for _ in range(_blocks):
                _file.write(_block)
    except OSError as _error:
        print(f"{_path}: {_error}")


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
