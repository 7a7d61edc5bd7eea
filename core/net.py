"""Asking the network whether a service answers."""

import socket


def port_open(host: str, port: int) -> bool:
    """Whether something accepts a TCP connection at ``host:port`` within a second."""
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False
