"""Start a real Celery worker in a subprocess, on the configured broker and
the test database, for tests that must see tasks really run."""

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)


def test_database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    if connection.vendor == "postgresql":
        credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    raise RuntimeError(f"No worker support for {connection.vendor}")


@contextmanager
def real_broker():
    """Publish to the real broker instead of running tasks in-process."""
    from sotenas_portal.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        yield app
    finally:
        app.conf.task_always_eager = previous


@contextmanager
def celery_worker(*extra_args: str, env: dict | None = None):
    """A worker process consuming from the same broker as this test process."""
    worker_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sotenas_portal.settings.test",
        "DATABASE_URL": test_database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        **(env or {}),
    }
    # The worker must consume, not run eagerly: eagerness is only a test-process setting.
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "sotenas_portal", "worker", "--pool=solo",
         "--concurrency=1", "--without-gossip", "--without-mingle", "--loglevel=INFO", *extra_args],
        cwd=BASE_DIR,
        env=worker_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until(condition, timeout: float = 30.0, interval: float = 0.25) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
