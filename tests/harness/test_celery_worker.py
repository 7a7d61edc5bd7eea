"""A real Celery worker on the configured broker (Redis in CI, the embedded
filesystem broker on a laptop) runs the project's tasks against the test
database."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from kombu import Connection

from accounts.tasks import clear_expired_sessions
from sotenas_portal.celery import app
from tests.harness.worker import celery_worker, real_broker, wait_until
from tests.services import need_redis, redis_broker_url

pytestmark = pytest.mark.django_db(transaction=True)


def make_session(key: str, expires_in: timedelta) -> None:
    Session.objects.create(session_key=key, session_data="e30:", expire_date=timezone.now() + expires_in)


def test_worker_runs_housekeeping_on_the_real_broker():
    make_session("expired-session-key-000000000001", timedelta(days=-1))
    make_session("current-session-key-00000000001", timedelta(days=1))

    with real_broker(), celery_worker() as worker:
        clear_expired_sessions.delay()
        done = wait_until(lambda: not Session.objects.filter(session_key__startswith="expired").exists(), 45)
        if not done:
            worker.terminate()
            output = worker.communicate(timeout=20)[0]
            pytest.fail(f"The worker did not run the task in time. Worker output:\n{output}")

    assert Session.objects.filter(session_key__startswith="current").exists()


@pytest.mark.redis
def test_redis_broker_answers_when_configured():
    url = need_redis()
    with Connection(url, connect_timeout=2) as connection:
        connection.ensure_connection(max_retries=1)
        assert connection.connected


def test_beat_schedule_names_registered_tasks():
    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert scheduled, "the beat schedule is empty"
    assert scheduled <= set(app.tasks), f"unknown tasks in the schedule: {scheduled - set(app.tasks)}"


def test_broker_setting_follows_the_environment():
    # In CI the suite runs on Redis; locally on the filesystem broker.
    url = redis_broker_url()
    assert app.conf.broker_url == (url or "filesystem://")
