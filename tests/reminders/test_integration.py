"""Reminders end to end: a real Celery worker on the real broker (Redis in
CI) runs the sweep, and a real SMTP server on loopback receives each
message exactly once."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from core.models import OutboundEmail
from sotenas_portal.reminders.tasks import reminder_sweep
from tests.factories import UserFactory
from tests.harness.smtp import smtp_server
from tests.harness.worker import celery_worker, real_broker, wait_until
from tests.policy_reports.factories import PolicyVersionFactory
from tests.reminders.concurrent import sweeps_at_once
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
    assert sweeps_at_once(day, count=4) == []
    keys = list(OutboundEmail.objects.values_list("dedup_key", "recipient"))
    assert len(keys) == 5 and len(set(keys)) == 5


def test_broker_down_the_request_is_saved_and_its_email_goes_out_once_later(client_as, broker):
    """Submit a support request while the broker is unreachable: the request
    is saved and its receipt waits in the outbox; once the broker is back, a
    real worker sends it, exactly once, to a real SMTP server."""
    from django.urls import reverse

    from sotenas_portal.celery import app
    from core.tasks import requeue_pending
    from support.models import SupportRequest
    from tests.support.factories import support_kind

    client = client_as("representative")
    data = {"kind": support_kind().pk, "subject": "Starta ett arbetskooperativ", "description": "Vi är fyra.",
            "hoped_outcome": "Råd om företagsform.", "submit": "1"}
    working_broker = app.conf.broker_url
    with real_broker():
        app.conf.broker_url, app._pool = "redis://127.0.0.1:9/0", None  # nothing listens there
        try:
            response = client.post(reverse("support:request_create"), data)
        finally:
            app.conf.broker_url, app._pool = working_broker, None
        assert response.status_code == 302
        support_request = SupportRequest.objects.get()
        assert support_request.reference.startswith("STOD-")
        waiting = OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING)
        assert waiting.count() >= 1

        with smtp_server() as (inbox, smtp_env), celery_worker(env=smtp_env) as worker:
            assert requeue_pending(older_than_seconds=0) >= 1
            requeue_pending(older_than_seconds=0)  # a second sweep must not send twice
            expected = OutboundEmail.objects.count()
            arrived = wait_until(lambda: len(inbox.messages) >= expected, timeout=60)
            time.sleep(3)
            if not arrived:
                worker.terminate()
                pytest.fail("The waiting email never arrived:\n" + worker.communicate(timeout=20)[0])

    assert len(inbox.messages) == OutboundEmail.objects.count()
    assert not OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT).exists()
    receipt = OutboundEmail.objects.get(user=support_request.applicant)
    assert [m["to"] for m in inbox.messages].count([receipt.recipient]) == 1
    assert support_request.reference in receipt.body
