"""How long the outbox keeps what it sent."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import OutboundEmail


def delete_old_messages(*, now=None) -> int:
    """Privacy: an email's text is kept OUTBOX_RETENTION_DAYS after it was
    written, then deleted. Reminders (with a ``dedup_key``) keep their row
    without the text, because that row is what stops the same reminder from
    being sent again; messages still waiting to be sent are never touched."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    done = OutboundEmail.objects.filter(created_at__lt=cutoff).exclude(
        status__in=[OutboundEmail.Status.PENDING, OutboundEmail.Status.HELD]
    )
    deleted, _ = done.filter(dedup_key__isnull=True).delete()
    emptied = done.filter(dedup_key__isnull=False).exclude(body="", link="", last_error="").update(
        body="", link="", last_error=""
    )
    return deleted + emptied
