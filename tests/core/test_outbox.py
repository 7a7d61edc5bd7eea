"""The outbox: written with the change, sent after commit, never twice,
retried with backoff and never lost when the broker is down."""

import pytest
from django.core import mail
from django.db import transaction

from core import delivery, outbox, tasks
from sotenas_portal.celery import app
from core.models import OutboundEmail

pytestmark = pytest.mark.django_db


def enqueue(**extra):
    return outbox.enqueue(recipient="eva@example.org", subject="Påminnelse", body="Hej!", kind="test", **extra)


def test_message_is_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = enqueue()
        assert mail.outbox == []  # nothing leaves before the commit
    message.refresh_from_db()
    assert message.status == OutboundEmail.Status.SENT and message.sent_at is not None
    assert [m.subject for m in mail.outbox] == ["Påminnelse"]


def test_nothing_is_written_or_sent_when_the_change_rolls_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                enqueue()
                raise RuntimeError
        except RuntimeError:
            pass
    assert not OutboundEmail.objects.exists()
    assert mail.outbox == []


def test_a_reminder_key_is_sent_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = enqueue(dedup_key="review:1:-30")
        second = enqueue(dedup_key="review:1:-30")
    assert first is not None and second is None
    assert OutboundEmail.objects.count() == 1
    assert len(mail.outbox) == 1


def test_sending_twice_sends_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = enqueue()
    assert delivery.send_now(message.pk) == "skipped"
    assert len(mail.outbox) == 1


def test_failures_retry_with_backoff_then_show_as_failed(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1  # nothing listens
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = OutboundEmail.objects.create(recipient="eva@example.org", subject="x", body="y", kind="test")
    assert delivery.send_now(message.pk) == "failed"
    message.refresh_from_db()
    first_retry = message.next_attempt_at
    assert message.status == OutboundEmail.Status.PENDING and message.attempts == 1 and first_retry
    delivery.send_now(message.pk)
    message.refresh_from_db()
    assert message.next_attempt_at - first_retry > (first_retry - message.created_at) * 0.9  # it backs off
    delivery.send_now(message.pk)
    message.refresh_from_db()
    assert message.status == OutboundEmail.Status.FAILED
    assert "ConnectionRefused" in message.last_error or "Error" in message.last_error


def test_broker_down_keeps_the_message_and_the_sweep_sends_it_later(django_capture_on_commit_callbacks):
    app.conf.task_always_eager = False
    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:9/0"  # nothing listens
    app._pool = None  # connections are pooled per broker URL
    try:
        with django_capture_on_commit_callbacks(execute=True):
            message = enqueue()  # does not raise although the broker is down
        message.refresh_from_db()
        assert message.status == OutboundEmail.Status.PENDING
    finally:
        app.conf.broker_url = previous
        app.conf.task_always_eager = True
        app._pool = None
    assert tasks.requeue_pending(older_than_seconds=0) == 1
    message.refresh_from_db()
    assert message.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1
