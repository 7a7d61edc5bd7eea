"""Records outside any case, counted from when they were created and
without registration numbers.

- outbox_email: a sent or failed e-mail's text (``core.outbox_retention``:
  the row is deleted; a reminder keeps its row without the text, so it is
  never sent twice; messages waiting to be sent are never touched).
- sign_in_record: the failed sign-in records (username, IP address) that
  django-axes keeps, deleted."""

from axes.models import AccessAttempt

from core import outbox_retention
from core.models import OutboundEmail
from records.constants import RecordType, Trigger

from .base import Disposer


class OutboxEmailDisposer(Disposer):
    record_type = RecordType.OUTBOX_EMAIL
    model = OutboundEmail
    event_fields = {Trigger.CREATED: ("created_at", False)}

    def undisposed(self):
        return outbox_retention.disposable()

    def dispose(self, ids, *, now):
        return outbox_retention.dispose(ids)


class SignInRecordDisposer(Disposer):
    record_type = RecordType.SIGN_IN_RECORD
    model = AccessAttempt
    event_fields = {Trigger.CREATED: ("attempt_time", False)}

    def undisposed(self):
        return AccessAttempt.objects.all()

    def dispose(self, ids, *, now):
        deleted, _ = AccessAttempt.objects.filter(pk__in=ids).delete()
        return deleted
