"""The reminder sweep: finds what is due on a day and writes one outbox
message per recipient, each exactly once.

Exactly once rests on the outbox's unique (dedup_key, recipient): two sweeps
running at the same time, or a retried task, cannot add a second row. A
milestone older than one already sent for the same subject is stale and is
skipped."""

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice

from django.db import transaction
from django.db.models import Q

from core.models import OutboundEmail
from core.notifications import Email, Recipient, render, send

from .digests import bundle_held_messages
from .milestones import local_today
from .sources import SOURCES, Due

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Planned:
    recipient: str
    kind: str
    subject: str
    late: bool
    sent: bool  # False: dry run, already sent, or stale


def compose(due: Due, recipient: Recipient, today: date) -> Email:
    """The reminder for one recipient, in their language (it may greet them by name)."""
    context = {
        **due.context, "recipient": recipient, "link": due.link, "today": today,
        "late": due.milestone_on < today, "milestone_on": due.milestone_on,
    }
    return render(f"reminders/{due.template}.txt", context, recipient.language)


# Dues are checked against the outbox this many at a time: one query per
# batch, and memory that does not grow with the data or the outbox history.
BATCH_SIZE = 500


def _latest_sent_offsets(subject_keys: set[str]) -> dict[tuple[str, str], int]:
    """For each (subject, recipient) of these subjects: the latest milestone
    offset already in the outbox. One indexed prefix query for the batch
    (``outbox_dedup_key_prefix``), not a read of every key ever sent."""
    latest: dict[tuple[str, str], int] = {}
    if not subject_keys:
        return latest
    condition = Q()
    for subject in sorted(subject_keys):
        condition |= Q(dedup_key__startswith=f"{subject}:")
    keys = OutboundEmail.objects.filter(condition).values_list("dedup_key", "recipient")
    for key, recipient in keys.iterator(chunk_size=2000):
        subject, _, milestone = key.rpartition(":")
        if subject not in subject_keys:
            continue
        try:
            offset = int(milestone)
        except ValueError:
            continue  # date-keyed digests have no order to protect
        slot = (subject, recipient.lower())
        latest[slot] = max(offset, latest.get(slot, offset))
    return latest


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def iter_sweep(*, today: date | None = None, dry_run: bool = False) -> Iterator[Planned]:
    """The sweep, one planned message at a time: sources are read with
    iterators and checked against the outbox in batches, so memory stays
    flat however many enterprises, requests and sent reminders there are."""
    today = today or local_today()
    total = new = 0
    for source in SOURCES:
        for batch in _batches(source(today), BATCH_SIZE):
            sent_offsets = _latest_sent_offsets({due.subject_key for due in batch if due.offset is not None})
            for due in batch:
                if due.apply is not None and not dry_run and not due.apply():
                    continue
                for recipient in due.recipients:
                    planned = _plan_one(due, recipient, today, sent_offsets, dry_run)
                    total, new = total + 1, new + planned.sent
                    yield planned
    for recipient, subject in bundle_held_messages(today=today, dry_run=dry_run):
        total, new = total + 1, new + 1
        yield Planned(recipient, "support_summary", subject, late=False, sent=True)
    logger.info("Reminder sweep for %s: %d message(s), %d new", today, total, new)


def run_sweep(*, today: date | None = None, dry_run: bool = False) -> list[Planned]:
    """The whole sweep as a list (for callers that want to look at every
    message); ``iter_sweep`` keeps memory flat."""
    return list(iter_sweep(today=today, dry_run=dry_run))


def _plan_one(due: Due, recipient: Recipient, today: date, sent_offsets, dry_run: bool) -> Planned:
    email = compose(due, recipient, today)
    subject, late = email.subject, due.milestone_on < today
    already = sent_offsets.get((due.subject_key, recipient.email.lower()))
    if due.offset is not None and already is not None and already >= due.offset:
        return Planned(recipient.email, due.kind, subject, late, sent=False)
    if dry_run:
        exists = OutboundEmail.objects.filter(dedup_key=due.dedup_key, recipient=recipient.email).exists()
        return Planned(recipient.email, due.kind, subject, late, sent=not exists)
    with transaction.atomic():
        message = send(recipient, email, kind=f"reminder.{due.kind}", link=due.link, dedup_key=due.dedup_key)
    return Planned(recipient.email, due.kind, subject, late, sent=message is not None)
