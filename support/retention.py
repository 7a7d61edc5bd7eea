"""Retention: closed and withdrawn support requests lose their personal
content SUPPORT_REQUEST_RETENTION_DAYS after they ended.

Removed: the subject, description and hopes, the partner's answer, the
reason for the decision, every message and event comment, the attachments
(from the database and the disk), the same texts in the request's change
history, and the link to the applicant (moved to the shared "deleted user",
as are the applicant's own messages and moves). Kept: reference, kind,
enterprise, department, handler, state, outcome and every date, so the
statistics and the annual reports' figures do not change.

The run is batched by keyset pages of ids (fit for 200,000 requests), each
batch in its own transaction with the rows locked and re-checked, and
idempotent: an anonymised request carries ``anonymised_at`` and is never
selected again. Files are deleted only after their batch has committed.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone

from accounts.deletion import deleted_user_placeholder

from .constants import ENDED_STATES
from .models import Message, RequestAttachment, RequestEvent, SupportRequest

logger = logging.getLogger(__name__)

# What an emptied text reads; outcome_reason may not be empty on a closed
# request (a database constraint), so every removed text gets the same mark.
REMOVED = "–"
REQUEST_TEXT_FIELDS = ("subject", "description", "hoped_outcome", "forward_answer", "outcome_reason")
BATCH_SIZE = 500


@dataclass
class RetentionResult:
    cutoff: datetime
    dry_run: bool
    requests: int = 0
    messages: int = 0
    attachments: int = 0
    references: list[str] = field(default_factory=list)


def retention_cutoff(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=settings.SUPPORT_REQUEST_RETENTION_DAYS)


def expired_requests(*, cutoff: datetime):
    return SupportRequest.objects.filter(
        state__in=ENDED_STATES, ended_at__lt=cutoff, anonymised_at__isnull=True
    )


def _emptied(name: str):
    """A text field's new value: empty stays empty, anything else is removed."""
    return Case(When(**{name: ""}, then=Value("")), default=Value(REMOVED))


def _batches(queryset, size: int):
    """The matching ids in pages of ``size``, each a fresh keyset query (no
    cursor is held open while the rows are being changed)."""
    last = 0
    while batch := list(queryset.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size]):
        yield batch
        last = batch[-1]


def anonymise_closed_requests(*, now: datetime | None = None, dry_run: bool = False,
                              batch_size: int = BATCH_SIZE, keep_references: int = 50) -> RetentionResult:
    """Anonymise every request whose retention period has run out.

    With ``dry_run`` nothing changes; the result counts what would be done.
    ``keep_references`` limits how many references the result lists."""
    cutoff = retention_cutoff(now)
    now = now or timezone.now()
    result = RetentionResult(cutoff=cutoff, dry_run=dry_run)
    for batch in _batches(expired_requests(cutoff=cutoff), batch_size):
        if dry_run:
            _count(batch, result, keep_references)
        else:
            _anonymise_batch(batch, cutoff=cutoff, now=now, result=result, keep_references=keep_references)
    return result


def _count(batch: list[int], result: RetentionResult, keep_references: int) -> None:
    rows = SupportRequest.objects.filter(pk__in=batch)
    result.requests += len(batch)
    result.messages += Message.objects.filter(request_id__in=batch).count()
    result.attachments += RequestAttachment.objects.filter(request_id__in=batch).count()
    room = keep_references - len(result.references)
    if room > 0:
        result.references += list(rows.order_by("pk").values_list("reference", flat=True)[:room])


def _anonymise_batch(batch: list[int], *, cutoff: datetime, now: datetime, result: RetentionResult,
                     keep_references: int) -> None:
    placeholder = deleted_user_placeholder()
    files: list = []
    with transaction.atomic():
        # Lock and re-check: another run may have done these meanwhile.
        ids = list(
            expired_requests(cutoff=cutoff).filter(pk__in=batch).select_for_update().order_by("pk")
            .values_list("pk", flat=True)
        )
        if not ids:
            return
        room = keep_references - len(result.references)
        if room > 0:
            result.references += list(
                SupportRequest.objects.filter(pk__in=ids[:room]).order_by("pk").values_list("reference", flat=True)
            )
        # The applicant's own messages and moves are shown as the deleted
        # user (before the request itself loses the applicant).
        Message.objects.filter(request_id__in=ids, author=F("request__applicant")).update(author=placeholder)
        RequestEvent.objects.filter(request_id__in=ids, actor=F("request__applicant")).update(actor=placeholder)
        result.messages += Message.objects.filter(request_id__in=ids).update(body=REMOVED)
        RequestEvent.objects.filter(request_id__in=ids).exclude(comment="").update(comment=REMOVED)
        attachments = RequestAttachment.objects.filter(request_id__in=ids)
        files = [(a.file.storage, a.file.name) for a in attachments.only("pk", "file")]
        result.attachments += len(files)
        attachments.delete()
        texts = {name: _emptied(name) for name in REQUEST_TEXT_FIELDS}
        SupportRequest.history.filter(id__in=ids).update(**texts, applicant=placeholder)
        # update(): no new history row, and updated_at keeps its date.
        result.requests += SupportRequest.objects.filter(pk__in=ids).update(
            **texts, applicant=placeholder, anonymised_at=now
        )
        transaction.on_commit(lambda: _delete_files(files))


def _delete_files(files) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError:  # the row is gone; a stray file is logged, not fatal
            logger.warning("Could not delete %s after anonymising its request", name, exc_info=True)
