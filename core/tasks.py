"""Outbox tasks and handing messages to them. The tasks' registered names
predate the ``core`` app and are kept, so messages and beat entries already
in a broker still find them."""

import logging
from datetime import timedelta

from celery import shared_task
from django.db.models import Q
from django.utils import timezone

from . import delivery, heartbeat
from .models import OutboundEmail

logger = logging.getLogger(__name__)


@shared_task(name="sotenas_portal.tasks.send_outbound_email", acks_late=True)
def send_outbound_email(message_id: int) -> str:
    return delivery.send_now(message_id)


@shared_task(name="sotenas_portal.tasks.requeue_outbox")
def requeue_outbox() -> int:
    return requeue_pending()


@shared_task(name="core.tasks.record_beat_heartbeat", ignore_result=True)
def record_beat_heartbeat() -> None:
    """Scheduled by Celery beat every minute: "beat and a worker run"."""
    heartbeat.record()


def queue_sending(message_id: int) -> bool:
    """Hand the message to Celery. If the broker is down the message stays
    pending and the sweep queues it later; the caller never fails."""
    try:
        send_outbound_email.apply_async((message_id,), retry=False)
    except Exception:  # noqa: BLE001 - any broker error: the sweep will retry
        logger.warning("Broker unavailable; outbox message %s waits for the next sweep", message_id, exc_info=True)
        return False
    return True


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
