"""Writing to and sending from the outbox (see ``sotenas_portal.models``)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .models import OutboundEmail

logger = logging.getLogger(__name__)


def enqueue(*, recipient: str, subject: str, body: str, kind: str, user=None, link: str = "",
            dedup_key: str | None = None, hold: bool = False) -> OutboundEmail | None:
    """Add a message to the outbox inside the caller's transaction and queue
    it for sending once that transaction commits. With ``dedup_key``, a
    message already in the outbox for the same recipient is not added again
    (returns None). With ``hold``, it waits for the recipient's daily summary."""
    if not recipient:
        return None
    try:
        with transaction.atomic():
            message = OutboundEmail.objects.create(
                recipient=recipient, subject=subject[:250], body=body, kind=kind, user=user, link=link,
                dedup_key=dedup_key, status=OutboundEmail.Status.HELD if hold else OutboundEmail.Status.PENDING,
            )
    except IntegrityError:
        if dedup_key is None:
            raise
        return None
    if not hold:
        transaction.on_commit(lambda: queue_sending(message.pk))
    return message


def queue_sending(message_id: int) -> bool:
    """Hand the message to Celery. If the broker is down the message stays
    pending and the sweep queues it later; the caller never fails."""
    from .tasks import send_outbound_email

    try:
        send_outbound_email.apply_async((message_id,), retry=False)
    except Exception:  # noqa: BLE001 - any broker error: the sweep will retry
        logger.warning("Broker unavailable; outbox message %s waits for the next sweep", message_id, exc_info=True)
        return False
    return True


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


def requeue_pending(*, now=None, older_than_seconds: int = 60) -> int:
    """Queue pending messages whose first hand-off may have been lost (broker
    down) or whose retry time has come."""
    now = now or timezone.now()
    due = OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).filter(
        Q(next_attempt_at__isnull=True, created_at__lte=now - timedelta(seconds=older_than_seconds))
        | Q(next_attempt_at__lte=now)
    )
    queued = 0
    for message_id in due.values_list("pk", flat=True).iterator(chunk_size=500):
        if not queue_sending(message_id):
            break  # the broker is still down; try again next sweep
        queued += 1
    return queued


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
