"""The reminder sweep: finds what is due on a day and writes one outbox
message per recipient, each exactly once.

Exactly once rests on the outbox's unique (dedup_key, recipient): two sweeps
running at the same time, or a retried task, cannot add a second row. A
milestone older than one already sent for the same subject is stale and is
skipped."""

import logging
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from sotenas_portal.models import OutboundEmail
from sotenas_portal.outbox import enqueue

from .digests import bundle_held_messages
from .milestones import local_today
from .sources import SOURCES, Due, Recipient

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Planned:
    recipient: str
    kind: str
    subject: str
    late: bool
    sent: bool  # False: dry run, already sent, or stale


def render(due: Due, recipient: Recipient, today: date) -> tuple[str, str]:
    context = {
        **due.context, "recipient": recipient, "link": due.link, "today": today,
        "late": due.milestone_on < today, "milestone_on": due.milestone_on,
    }
    with translation.override(recipient.language):
        subject = " ".join(render_to_string(f"reminders/{due.template}_subject.txt", context).split())
        body = render_to_string(f"reminders/{due.template}.txt", context)
    return subject, body


def _latest_sent_offsets() -> dict[tuple[str, str], int]:
    """For each (subject, recipient): the latest milestone offset already in the outbox."""
    latest: dict[tuple[str, str], int] = {}
    keys = OutboundEmail.objects.filter(dedup_key__isnull=False).values_list("dedup_key", "recipient")
    for key, recipient in keys.iterator(chunk_size=2000):
        subject, _, milestone = key.rpartition(":")
        try:
            offset = int(milestone)
        except ValueError:
            continue  # date-keyed digests have no order to protect
        slot = (subject, recipient.lower())
        latest[slot] = max(offset, latest.get(slot, offset))
    return latest


def run_sweep(*, today: date | None = None, dry_run: bool = False) -> list[Planned]:
    today = today or local_today()
    sent_offsets = _latest_sent_offsets()
    planned: list[Planned] = []
    for source in SOURCES:
        for due in source(today):
            for recipient in due.recipients:
                planned.append(_plan_one(due, recipient, today, sent_offsets, dry_run))
    for recipient, subject in bundle_held_messages(today=today, dry_run=dry_run):
        planned.append(Planned(recipient, "support_summary", subject, late=False, sent=True))
    logger.info("Reminder sweep for %s: %d message(s), %d new", today, len(planned), sum(p.sent for p in planned))
    return planned


def _plan_one(due: Due, recipient: Recipient, today: date, sent_offsets, dry_run: bool) -> Planned:
    subject, body = render(due, recipient, today)
    late = due.milestone_on < today
    already = sent_offsets.get((due.subject_key, recipient.email.lower()))
    if due.offset is not None and already is not None and already >= due.offset:
        return Planned(recipient.email, due.kind, subject, late, sent=False)
    if dry_run:
        exists = OutboundEmail.objects.filter(dedup_key=due.dedup_key, recipient=recipient.email).exists()
        return Planned(recipient.email, due.kind, subject, late, sent=not exists)
    with transaction.atomic():
        message = enqueue(recipient=recipient.email, subject=subject, body=body, kind=f"reminder.{due.kind}",
                          user=recipient.user, link=due.link, dedup_key=due.dedup_key)
    return Planned(recipient.email, due.kind, subject, late, sent=message is not None)
