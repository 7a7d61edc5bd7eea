"""Sending one outbox message, at most once."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutboundEmail


def send_now(message_id: int) -> str:
    """Send one pending message, at most once even if two workers try."""
    with transaction.atomic():
        message = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=OutboundEmail.Status.PENDING)
            .first()
        )
        if message is None:
            return "skipped"  # already sent, given up, or being sent by another worker
        try:
            EmailMessage(subject=message.subject, body=message.body, to=[message.recipient],
                         from_email=settings.DEFAULT_FROM_EMAIL).send()
        except Exception as error:  # noqa: BLE001 - record it, retry later
            message.attempts += 1
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                message.status = OutboundEmail.Status.FAILED
                message.next_attempt_at = None
            else:
                delay = settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** (message.attempts - 1)
                message.next_attempt_at = timezone.now() + timedelta(seconds=delay)
            message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            return "failed"
        message.status = OutboundEmail.Status.SENT
        message.sent_at = timezone.now()
        message.attempts += 1
        message.save(update_fields=["status", "sent_at", "attempts"])
        return "sent"
