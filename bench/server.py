"""The app under gunicorn for the benchmark: a free port, the server's
environment, starting and stopping it, and its workers' memory."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

from .paths import BASE_DIR

SETTINGS = "bench.settings"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_environment(database_url: str, extra: dict | None = None) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "DATABASE_URL": database_url,
           "PYTHONPATH": str(BASE_DIR), **(extra or {})}
    return env


def start_gunicorn(*, port: int, workers: int, env: dict, log_path: Path) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).parent / "gunicorn"), "sotenas_portal.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", "sync",
        "--worker-tmp-dir", "/dev/shm" if Path("/dev/shm").is_dir() else tempfile.gettempdir(),
        "--timeout", "60", "--graceful-timeout", "5", "--log-level", "warning",
    ]
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log_path.open("w"), stderr=subprocess.STDOUT,
                              start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: see {log_path}\n{log_path.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/halsa/", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    stop(server)
    raise RuntimeError("gunicorn did not answer within 60 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def worker_memory_mb(server: subprocess.Popen) -> list[float]:
    return [round(child.memory_info().rss / 2**20, 1) for child in psutil.Process(server.pid).children()]
