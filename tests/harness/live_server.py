"""The portal under gunicorn on loopback, against the test database.

``gunicorn_server()`` starts a real gunicorn (gthread workers) on a free
port with the settings in ``tests/harness/live_settings.py``, waits until it
answers, and on exit stops it and fails the test if the server logged a
traceback. Tests using it need ``@pytest.mark.django_db(transaction=True)``
so the server's processes see the rows the test commits, and the server's
writes are visible to the test.
"""

import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
from django.conf import settings
from django.db import connection

from tests.harness.smtp import free_port
from tests.harness.worker import test_database_url

BASE_DIR = Path(settings.BASE_DIR)
TRACEBACK = "Traceback (most recent call last)"
CHAINED = re.compile(r"(During handling of the above exception|direct cause of the following exception)[^\n]*\n\s*$")


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def tracebacks(self) -> list[str]:
        """Every traceback in the log, each up to the next one; a chain of
        exceptions ("During handling of the above exception…") is one."""
        text = self.log()
        starts = [m.start() for m in re.finditer(re.escape(TRACEBACK), text)]
        starts = [start for start in starts if not CHAINED.search(text[max(0, start - 200):start])]
        return [text[start:end] for start, end in zip(starts, starts[1:] + [len(text)])]


def server_database_url(database_url: str | None = None) -> str:
    """The test database as a URL for the server; plain TCP on PostgreSQL so
    a test's proxy can see and cut the traffic."""
    url = database_url or test_database_url()
    if url.startswith("postgres") and "sslmode=" not in url:
        url += ("&" if "?" in url else "?") + "sslmode=disable"
    return url


def wait_until_ready(server: LiveServer, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"gunicorn exited with {server.process.returncode}:\n{server.log()}")
        try:
            with urllib.request.urlopen(server.url + "/tillganglighet/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer within {timeout:.0f} s:\n{server.log()}")


def stop(process: subprocess.Popen) -> None:
    """Graceful shutdown (SIGTERM), then make sure no worker outlives the
    arbiter: a stray worker would keep connections to the test database."""
    try:
        workers = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        workers = []
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    for worker in alive:
        worker.kill()


@contextmanager
def gunicorn_server(*, workers: int = 3, threads: int = 4, env: dict | None = None,
                    database_url: str | None = None, allowed_errors: tuple[str, ...] = ()):
    """Run the portal under gunicorn for the duration of the block.

    ``database_url`` replaces the test database (a fault test points it at
    its proxy); ``allowed_errors`` are regular expressions: a logged
    traceback matching one of them is expected (a fault test's injected
    database failure), any other fails the test.
    """
    if connection.vendor == "sqlite" and workers * threads > 1:
        # SQLite takes one writer at a time; keep the server small there.
        workers, threads = 1, 2
    port = free_port()
    log_file = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False)
    server_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.harness.live_settings",
        "DATABASE_URL": server_database_url(database_url),
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "sotenas_portal.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--worker-class", "gthread", "--workers", str(workers),
         "--threads", str(threads), "--timeout", "120",
         # No keep-alive: a client reusing a connection the server is just
         # closing gets a reset, a race of the test's HTTP client, not of the app.
         "--keep-alive", "0", "--graceful-timeout", "20", "--backlog", "2048",
         "--error-logfile", "-", "--log-level", "warning", "--no-control-socket"],
        cwd=BASE_DIR, env=server_env, stdout=log_file, stderr=subprocess.STDOUT,
    )
    log_file.close()
    server = LiveServer(url=f"http://127.0.0.1:{port}", process=process, log_path=Path(log_file.name))
    try:
        wait_until_ready(server)
        yield server
    finally:
        stop(process)
    unexpected = [tb for tb in server.tracebacks() if not any(re.search(p, tb) for p in allowed_errors)]
    if unexpected:
        pytest.fail("gunicorn logged a traceback:\n" + "\n".join(unexpected)[:20000])
    Path(log_file.name).unlink(missing_ok=True)
