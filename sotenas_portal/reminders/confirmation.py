"""The registry's yearly confirmation in the reminder sweep
(rules in ``enterprises/confirmation.py``).

- In the confirmation month each published entry confirmed before it is
  asked: its representatives get an e-mail (and a task in "Mitt arbete");
  entries without one go on the officials' work list, and the coordinators
  get one e-mail a year saying how many wait there. Requests missed while the
  portal was down go out late until the end of the next month.
- An entry still unconfirmed at its unpublishing day leaves the public
  registry, once (the row is locked and checked again, so two sweeps at
  once unpublish it once); its representatives and the coordinators are told.

Each e-mail is keyed (entry, cycle or last confirmation, milestone), so the
outbox's unique key sends it once whatever the number of sweeps."""

from collections.abc import Iterator
from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse

from accounts.recipients import coordinators, user_recipients
from core.dates import add_months
from core.notifications import unique
from enterprises import confirmation
from enterprises.constants import PublicationStatus
from enterprises.models import Enterprise, Representation

# Unpublished entries whose e-mails a crashed sweep may not have sent are
# looked at again for this many days.
CATCH_UP_DAYS = 7


def _with_representatives(queryset):
    return queryset.prefetch_related(
        Prefetch("representations", queryset=Representation.objects.filter(
            status=Representation.Status.CONFIRMED).select_related("user"))
    )


def _links(enterprise: Enterprise) -> dict:
    from .sources import url

    return {
        "confirm_link": url(reverse("enterprises:confirm", kwargs={"slug": enterprise.slug})),
        "update_link": url(reverse("enterprises:update", kwargs={"slug": enterprise.slug})),
        "page_link": url(enterprise.get_absolute_url()),
    }


def confirmation_requests(today: date) -> Iterator:
    from .sources import Due, url

    if not confirmation.requests_open(today):
        return
    start = confirmation.cycle_start(today)
    enterprises = _with_representatives(Enterprise.objects.filter(
        publication_status=PublicationStatus.PUBLISHED, last_confirmed_on__lt=start,
    ).order_by("pk"))
    unrepresented = 0
    for enterprise in enterprises.iterator(chunk_size=200):
        requested = enterprise.confirmation_requested_on
        record = None if requested and requested >= start else partial(
            confirmation.record_requested, enterprise_id=enterprise.pk, today=today)
        recipients = user_recipients([r.user for r in enterprise.representations.all()])
        if not recipients:
            unrepresented += 1
        links = _links(enterprise)
        yield Due(
            kind="confirmation", subject_key=f"confirmation:{enterprise.pk}:{start.year}", milestone="0", offset=0,
            milestone_on=start, recipients=recipients, template="confirmation_request",
            context={"enterprise": enterprise, "year": start.year, **links,
                     "unpublish_months": settings.REGISTRY_CONFIRMATION_UNPUBLISH_MONTHS}, link=links["confirm_link"],
            apply=record,
        )
    if unrepresented:
        yield Due(
            kind="confirmation_work_list", subject_key=f"confirmation-work-list:{start.year}", milestone="0",
            offset=0, milestone_on=start, recipients=coordinators(), template="confirmation_work_list",
            context={"count": unrepresented, "year": start.year},
            link=url(reverse("enterprises:work_list") + "?visa=confirmation#h-confirmation"),
        )


def confirmation_unpublishing(today: date) -> Iterator:
    from .sources import Due

    # A loose bound in the database (months have different lengths); each
    # entry's own day is checked exactly below, and again under its lock.
    confirmed_before = add_months(today, -settings.REGISTRY_CONFIRMATION_UNPUBLISH_MONTHS) + timedelta(days=3)
    requested_before = today - timedelta(days=settings.REGISTRY_CONFIRMATION_LAST_CALL_DAYS)
    overdue = Q(
        publication_status=PublicationStatus.PUBLISHED, last_confirmed_on__lte=confirmed_before,
        confirmation_requested_on__lte=requested_before,
    )
    just_unpublished = Q(publication_status=PublicationStatus.UNPUBLISHED,
                         unpublished_unconfirmed_on__gte=today - timedelta(days=CATCH_UP_DAYS))
    enterprises = _with_representatives(Enterprise.objects.filter(overdue | just_unpublished).order_by("pk"))
    officials = None
    for enterprise in enterprises.iterator(chunk_size=200):
        if enterprise.is_published:
            due_on = confirmation.unpublish_due_on(enterprise)
            if due_on is None or due_on > today:
                continue
            unpublish = partial(confirmation.unpublish_unconfirmed, enterprise_id=enterprise.pk, today=today)
        else:
            due_on, unpublish = enterprise.unpublished_unconfirmed_on, None
        representatives = user_recipients([r.user for r in enterprise.representations.all()])
        officials = coordinators() if officials is None else officials
        links = _links(enterprise)
        yield Due(
            kind="confirmation_unpublished",
            subject_key=f"confirmation-unpublished:{enterprise.pk}:{enterprise.last_confirmed_on.isoformat()}",
            milestone="0", offset=0, milestone_on=due_on, recipients=unique(representatives + officials),
            template="confirmation_unpublished", context={"enterprise": enterprise, **links},
            link=links["confirm_link"], apply=unpublish,
        )


CONFIRMATION_SOURCES = [confirmation_requests, confirmation_unpublishing]
