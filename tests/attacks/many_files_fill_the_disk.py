"""Looks for a writable folder (its working folder, the kernel's own connection-file folder, /tmp, /dev/shm) and writes 40 files of 60 MiB there (each under a per-file size limit), 2.4 GiB in all.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: resources
old: left 2.34 GiB in autograded/<student>/ (its working folder was writable); cheater 0
"""
import os
import sys

# The kernel's connection file (-f PATH on its command line) lives in a folder the kernel can write.
_connection = sys.argv[sys.argv.index("-f") + 1] if "-f" in sys.argv else ""
_block = b"\1" * (60 * 1024 * 1024)
_written = 0
for _folder in (os.getcwd(), os.path.dirname(_connection), "/tmp", "/dev/shm"):
    if not _folder or _written >= 40 * len(_block):
        continue
    for _index in range(40 - _written // len(_block)):
        try:
            with open(os.path.join(_folder, f"gradeghost-data-{_written // len(_block):02d}.bin"), "wb") as _file:
                _file.write(_block)
            _written += len(_block)
        except OSError as _error:
            print(f"{_folder}: {_error}")
            break
    print(f"{_folder}: {_written / 2 ** 30:.2f} GiB written so far")
if _written > 2 ** 30:
    print(f"gradeghost-evidence: wrote {_written / 2 ** 30:.2f} GiB")


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
