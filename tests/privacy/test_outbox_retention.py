"""Sent emails are kept as long as the records plan's rule for the outbox
says; reminders keep a bodiless row."""

from datetime import timedelta

import pytest
from django.utils import timezone

from archive.tasks import delete_old_outbox_emails
from core.models import OutboundEmail
from records.models import RetentionRule

pytestmark = pytest.mark.django_db


def email(*, days_old: int, status=OutboundEmail.Status.SENT, dedup_key=None) -> OutboundEmail:
    message = OutboundEmail.objects.create(
        recipient="person@example.org", subject="Ämne", body="Hej Anna, ditt ärende…", kind="test",
        link="/stod/1/", dedup_key=dedup_key, status=status,
        sent_at=timezone.now() if status == OutboundEmail.Status.SENT else None,
    )
    OutboundEmail.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return message


def test_old_emails_go_and_recent_or_unsent_ones_stay():
    RetentionRule.objects.create(record_type="outbox_email", action="dispose", period_months=3, trigger="created",
                                 decision="KS 2025/117 § 4")
    old_sent = email(days_old=93)
    old_failed = email(days_old=200, status=OutboundEmail.Status.FAILED)
    old_bundled = email(days_old=100, status=OutboundEmail.Status.BUNDLED)
    recent = email(days_old=85)
    old_pending = email(days_old=300, status=OutboundEmail.Status.PENDING)
    old_held = email(days_old=300, status=OutboundEmail.Status.HELD)
    old_reminder = email(days_old=120, dedup_key="review:1:180")

    # The old task name (a broker may still hold it) applies the outbox's rule.
    assert delete_old_outbox_emails.delay().get() == 4

    remaining = set(OutboundEmail.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, old_pending.pk, old_held.pk, old_reminder.pk}
    assert not {old_sent.pk, old_failed.pk, old_bundled.pk} & remaining
    old_reminder.refresh_from_db()
    assert (old_reminder.body, old_reminder.link, old_reminder.dedup_key) == ("", "", "review:1:180")
    recent.refresh_from_db()
    assert recent.body.startswith("Hej Anna")
    # A second run finds nothing more to do.
    assert delete_old_outbox_emails.delay().get() == 0


def test_without_a_rule_nothing_is_deleted():
    email(days_old=1000)
    assert delete_old_outbox_emails.delay().get() == 0
    assert OutboundEmail.objects.count() == 1


def test_the_cleanup_is_part_of_the_daily_records_plan_job(settings):
    assert settings.CELERY_BEAT_SCHEDULE["apply-records-plan"]["task"] == "archive.tasks.apply_records_plan"
