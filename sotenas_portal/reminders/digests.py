"""Daily summaries of support-request messages for users who chose them.

Messages for such users wait in the outbox as *held*; the first sweep of a
day bundles each recipient's held messages into one email (keyed by the
date, so once a day) and marks them bundled."""

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.db import transaction

from core.models import OutboundEmail
from core.notifications import Recipient, render, send


def bundle_held_messages(*, today: date, dry_run: bool = False) -> list[tuple[str, str]]:
    """Returns (recipient, subject) for each summary sent (or that would be)."""
    held = OutboundEmail.objects.filter(status=OutboundEmail.Status.HELD).select_related("user").order_by(
        "recipient", "created_at", "pk"
    )
    by_recipient = defaultdict(list)
    for message in held:
        by_recipient[message.recipient].append(message)
    summaries = []
    for recipient, messages in by_recipient.items():
        user = next((m.user for m in messages if m.user), None)
        language = user.preferred_language if user else settings.LANGUAGE_CODE
        context = {"messages": messages, "today": today, "site_url": settings.SITE_URL}
        email = render("reminders/support_messages.txt", context, language)
        summaries.append((recipient, email.subject))
        if dry_run:
            continue
        with transaction.atomic():
            summary = send(Recipient(recipient, language, user), email, kind="support.daily_summary",
                           link=settings.SITE_URL + "/stod/",
                           dedup_key=f"support-summary:{recipient.lower()}:{today.isoformat()}")
            if summary is None:
                summaries.pop()  # today's summary already went; these wait for tomorrow
                continue
            OutboundEmail.objects.filter(pk__in=[m.pk for m in messages]).update(
                status=OutboundEmail.Status.BUNDLED
            )
    return summaries
