"""Reminders end to end: a real Celery worker on the real broker (Redis in
CI) runs the sweep, and a real SMTP server on loopback receives each
message exactly once."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from sotenas_portal.models import OutboundEmail
from sotenas_portal.reminders.sweep import run_sweep
from sotenas_portal.tasks import reminder_sweep
from tests.factories import UserFactory
from tests.harness.smtp import smtp_server
from tests.harness.worker import celery_worker, real_broker, wait_until
from tests.policy_reports.factories import PolicyVersionFactory
from tests.services import need_postgres, need_redis, redis_broker_url, required_services

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def broker():
    # In CI the broker must be Redis; locally the embedded one will do.
    if redis_broker_url() or "redis" in required_services():
        need_redis()


def test_worker_sweep_delivers_each_reminder_once_over_smtp(broker):
    coordinators = [UserFactory(username=f"samordnare{n}", coordinator=True) for n in range(2)]
    version = PolicyVersionFactory(decision_date=timezone.localdate() - timedelta(days=365 * 2 - 7))
    version.review_due_on = timezone.localdate() + timedelta(days=7)
    version.save()

    with smtp_server() as (inbox, smtp_env), real_broker(), celery_worker(env=smtp_env) as worker:
        reminder_sweep.delay()
        reminder_sweep.delay()  # a second beat, or a retried task
        arrived = wait_until(lambda: len(inbox.messages) >= 2, timeout=60)
        time.sleep(3)  # anything extra would arrive now
        if not arrived:
            worker.terminate()
            pytest.fail("No reminder reached the SMTP server:\n" + worker.communicate(timeout=20)[0])

    assert sorted(m["to"][0] for m in inbox.messages) == sorted(c.email for c in coordinators)
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT).count() == 2
    assert sorted(m["subject"] for m in inbox.messages) == sorted(OutboundEmail.objects.values_list("subject", flat=True))


@pytest.mark.postgres
def test_concurrent_sweeps_on_postgres_send_no_duplicates():
    need_postgres()
    for n in range(5):
        UserFactory(username=f"samordnare{n}", coordinator=True)
    version = PolicyVersionFactory()
    day = version.review_due_on - timedelta(days=30)
    errors = []

    def sweep():
        try:
            run_sweep(today=day)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    keys = list(OutboundEmail.objects.values_list("dedup_key", "recipient"))
    assert len(keys) == 5 and len(set(keys)) == 5
