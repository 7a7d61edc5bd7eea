"""The portal under gunicorn for tests/resilience/test_sqlite_concurrency.py:
the live-server settings, but tasks go to the real broker, so the Celery
worker (not the web process) sends the e-mails, as in `make run`."""

from tests.harness.live_settings import *  # noqa: F401,F403

CELERY_TASK_ALWAYS_EAGER = False
