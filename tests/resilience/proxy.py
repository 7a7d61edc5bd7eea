"""A TCP proxy between the portal and PostgreSQL that a test can break.

It forwards bytes unchanged. ``cut_at`` arms it to drop every connection the
moment the client sends a statement containing a marker (the SQL travels in
plain text with sslmode=disable), either before or after forwarding it;
``cut_all`` drops every connection at once, like a database restart;
``refuse`` makes new connections fail until ``accept`` is called, like a
database that is still down.
"""

import socket
import threading
from contextlib import contextmanager


class FaultProxy:
    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.port = self.listener.getsockname()[1]
        self.lock = threading.Lock()
        self.sockets: set[socket.socket] = set()
        self.markers: list[bytes] = []
        self.cut_after = False
        self.cut_done = threading.Event()
        self.refusing = False
        self.closed = False
        threading.Thread(target=self._accept_loop, daemon=True).start()

    # Control ------------------------------------------------------------------

    def cut_at(self, *markers: bytes, after: bool = False) -> None:
        """Drop every connection when the client sends the markers in this
        order (within one connection); the last one's statement is dropped
        unforwarded unless ``after``."""
        with self.lock:
            self.markers, self.cut_after = list(markers), after
            self.cut_done.clear()

    def cut_all(self) -> None:
        with self.lock:
            sockets, self.sockets = list(self.sockets), set()
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def refuse(self) -> None:
        self.refusing = True

    def accept(self) -> None:
        self.refusing = False

    def close(self) -> None:
        self.closed = True
        self.listener.close()
        self.cut_all()

    # Forwarding ---------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self.closed:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if self.refusing:
                client.close()
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update((client, server))
            progress = {"seen": 0, "tail": b""}
            threading.Thread(target=self._pump, args=(client, server, progress), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, None), daemon=True).start()

    def _pump(self, source: socket.socket, destination: socket.socket, progress: dict | None) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if progress is not None and self._triggered(data, progress):
                    if self.cut_after:
                        destination.sendall(data)
                    self.cut_all()
                    self.cut_done.set()
                    break
                destination.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, destination):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            with self.lock:
                self.sockets.discard(source)
                self.sockets.discard(destination)

    def _triggered(self, data: bytes, progress: dict) -> bool:
        with self.lock:
            markers = self.markers
            if not markers:
                return False
            window = progress["tail"] + data
            progress["tail"] = data[-200:]
            while progress["seen"] < len(markers) and markers[progress["seen"]] in window:
                window = window[window.index(markers[progress["seen"]]) + len(markers[progress["seen"]]):]
                progress["seen"] += 1
            if progress["seen"] < len(markers):
                return False
            self.markers = []  # fires once
            return True


@contextmanager
def fault_proxy(target_host: str, target_port: int):
    proxy = FaultProxy(target_host, target_port)
    try:
        yield proxy
    finally:
        proxy.close()
