"""Writing to the outbox (see ``core.models``)."""

from django.db import IntegrityError, transaction

from .models import OutboundEmail
from .tasks import queue_sending


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
