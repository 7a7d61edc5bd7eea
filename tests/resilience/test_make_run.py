"""Ctrl-C on `make run` stops the web server and the Celery worker with
embedded beat within a few seconds, every time: `make run` is started as
a terminal would (its own session and process group), SIGINT goes to that
group as Ctrl-C sends it, and every process it started must be gone soon
after. Several rounds, the signal at different moments (beat's first tasks
running, idle)."""

import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest
from django.conf import settings

from tests.harness.smtp import free_port

BASE_DIR = Path(settings.BASE_DIR)
STOP_WITHIN = 6.0  # seconds: RUN_STOP_SECONDS (2) + a second after QUIT + a margin for a busy machine
DELAYS_AFTER_READY = (0.0, 1.5, 4.0)
# The embedded defaults in a folder of the test's own, whatever the suite runs on.
OWN_SETTINGS = ("DATABASE_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE", "VAR_DIR", "CACHE_URL",
                "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PYTEST_ADDOPTS")

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def health(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def start_make_run(var_dir: Path, port: int, log: Path) -> subprocess.Popen:
    env = {name: value for name, value in os.environ.items() if name not in OWN_SETTINGS}
    env.update(VAR_DIR=str(var_dir), PORT=str(port), PYTHONUNBUFFERED="1")
    with log.open("ab") as output:
        return subprocess.Popen(["make", "run"], cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


def wait_until_running(process: subprocess.Popen, port: int, log: Path, timeout: float = 600) -> None:
    """Until the web server answers and the worker and beat are up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"make run exited with {process.returncode}:\n{log.read_text()[-5000:]}")
        text = log.read_text(errors="replace")
        if " ready." in text and "beat: Starting" in text and health(f"http://127.0.0.1:{port}/halsa/"):
            return
        time.sleep(0.5)
    pytest.fail(f"make run did not start within {timeout:.0f} s:\n{log.read_text()[-5000:]}")


def started_by(process: subprocess.Popen) -> list[psutil.Process]:
    root = psutil.Process(process.pid)
    return [root, *root.children(recursive=True)]


def names(processes) -> str:
    described = []
    for proc in processes:
        try:
            described.append(f"{proc.pid} {' '.join(proc.cmdline())[:120]}")
        except psutil.Error:
            described.append(str(proc.pid))
    return "\n".join(described)


@pytest.mark.parametrize("round_number", range(len(DELAYS_AFTER_READY)))
def test_ctrl_c_stops_make_run_and_everything_it_started(round_number, tmp_path_factory):
    var_dir = tmp_path_factory.getbasetemp() / "make-run-var"  # shared by the rounds: set up once
    var_dir.mkdir(exist_ok=True)
    log = tmp_path_factory.mktemp("make-run") / "make-run.log"
    port = free_port()
    process = start_make_run(var_dir, port, log)
    processes = []
    try:
        wait_until_running(process, port, log)
        time.sleep(DELAYS_AFTER_READY[round_number])
        processes = started_by(process)
        commands = names(processes)
        assert "runserver" in commands and "celery" in commands and "worker --beat" in commands

        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in the terminal sends
        began = time.monotonic()
        gone, alive = psutil.wait_procs(processes, timeout=STOP_WITHIN)
        took = time.monotonic() - began
        assert alive == [], (f"still running {STOP_WITHIN} s after Ctrl-C:\n{names(alive)}\n"
                             f"{log.read_text(errors='replace')[-5000:]}")
        [make] = [proc for proc in gone if proc.pid == process.pid]  # reaped by psutil, so its code is here
        assert make.returncode not in (0, None)  # make reports the interruption
        assert not health(f"http://127.0.0.1:{port}/halsa/")
        assert "Stopped the portal and the worker." in log.read_text(errors="replace")
        print(f"round {round_number}: all {len(processes)} processes gone {took:.1f} s after Ctrl-C")
    finally:
        for proc in processes or started_by_safely(process):
            try:
                proc.kill()
            except psutil.Error:
                pass
        if process.poll() is None:
            process.kill()
            process.wait()


def started_by_safely(process: subprocess.Popen) -> list[psutil.Process]:
    try:
        return started_by(process)
    except psutil.Error:
        return []
