"""What the outbox's disposal removes (the records plan's rule for sent
e-mails decides when: ``archive.disposal.housekeeping``).

A sent or failed email's text is removed: the row is deleted, except for
reminders (with a ``dedup_key``), which keep their row without the text,
because that row is what stops the same reminder from being sent again.
Messages still waiting to be sent are never touched."""

from django.db.models import Q, QuerySet

from .models import OutboundEmail

WAITING = (OutboundEmail.Status.PENDING, OutboundEmail.Status.HELD)


def disposable() -> QuerySet:
    """Sent or failed messages that still hold their text."""
    return OutboundEmail.objects.exclude(status__in=WAITING).filter(
        Q(dedup_key__isnull=True) | ~Q(body="") | ~Q(link="") | ~Q(last_error="")
    )


def dispose(ids) -> int:
    """Delete or empty the messages ``ids`` (picked from ``disposable``)."""
    done = OutboundEmail.objects.filter(pk__in=ids).exclude(status__in=WAITING)
    deleted, _ = done.filter(dedup_key__isnull=True).delete()
    emptied = done.filter(dedup_key__isnull=False).update(body="", link="", last_error="")
    return deleted + emptied
