"""The yearly confirmation of registry entries: the date rules and the writes.

Once a year (``REGISTRY_CONFIRMATION_MONTH``) every published entry confirmed
before that month is asked to confirm its details (the reminder sweep,
``sotenas_portal/reminders/confirmation.py``, sends the requests and records
the day in ``confirmation_requested_on``). A representative confirms with one
click or by saving the update form; an official confirms with a note of how.
After ``REGISTRY_CONFIRMATION_NOTICE_MONTHS`` without a confirmation the page
and the API say when it was last confirmed; after
``REGISTRY_CONFIRMATION_UNPUBLISH_MONTHS`` (and at least
``REGISTRY_CONFIRMATION_LAST_CALL_DAYS`` after the latest request) the entry is
unpublished as "inte bekräftad", and a confirmation publishes it again at once.
Every change is in the entry's history, with the reason."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import update_change_reason

from core.dates import add_months

from .constants import ConfirmedBy, PublicationStatus
from .models import Enterprise, Representation

# The reason an unconfirmed entry is unpublished with; its Swedish wording
# ("inte bekräftad") is the registry's stable term for it.
UNCONFIRMED_REASON = gettext_lazy("not confirmed")
NOTE_MAX_LENGTH = 200

# Fields a confirmation writes (and the history records).
CONFIRMATION_FIELDS = ["last_confirmed_on", "last_confirmed_by", "confirmation_note", "publication_status",
                       "unpublished_reason", "unpublished_unconfirmed_on", "published_at", "updated_at"]


# Date rules --------------------------------------------------------------------------


def cycle_start(today: date) -> date:
    """The first day of the latest yearly confirmation month on or before ``today``."""
    start = date(today.year, settings.REGISTRY_CONFIRMATION_MONTH, 1)
    return start if today >= start else date(today.year - 1, settings.REGISTRY_CONFIRMATION_MONTH, 1)


def requests_open(today: date) -> bool:
    """The year's requests go out in the confirmation month; those missed
    while the portal was down go out late until the end of the next month
    (the first cycle after an upgrade therefore waits for the month)."""
    return today < add_months(cycle_start(today), 2)


def notice_from(enterprise: Enterprise) -> date:
    return add_months(enterprise.last_confirmed_on, settings.REGISTRY_CONFIRMATION_NOTICE_MONTHS)


def shows_notice(enterprise: Enterprise, today: date | None = None) -> bool:
    """Whether the public page and the API say when the details were last confirmed."""
    return (today or timezone.localdate()) >= notice_from(enterprise)


def notice_text(enterprise: Enterprise) -> str:
    return _("The details were last confirmed on %(date)s.") % {"date": enterprise.last_confirmed_on.isoformat()}


def unpublish_due_on(enterprise: Enterprise) -> date | None:
    """The day a published, unconfirmed entry leaves the registry, or None
    while it has not been asked since its last confirmation."""
    requested = enterprise.confirmation_requested_on
    if requested is None or requested <= enterprise.last_confirmed_on:
        return None
    return max(add_months(enterprise.last_confirmed_on, settings.REGISTRY_CONFIRMATION_UNPUBLISH_MONTHS),
               requested + timedelta(days=settings.REGISTRY_CONFIRMATION_LAST_CALL_DAYS))


def is_asked(enterprise: Enterprise) -> bool:
    """Asked to confirm and not yet confirmed (published, or unpublished for it)."""
    requested = enterprise.confirmation_requested_on
    waiting = requested is not None and enterprise.last_confirmed_on < requested
    return waiting and (enterprise.is_published or enterprise.unpublished_unconfirmed_on is not None)


# Reads --------------------------------------------------------------------------------


def asked_filter() -> Q:
    return Q(confirmation_requested_on__isnull=False, last_confirmed_on__lt=F("confirmation_requested_on")) & (
        Q(publication_status=PublicationStatus.PUBLISHED) | Q(unpublished_unconfirmed_on__isnull=False)
    )


def has_representative() -> Exists:
    return Exists(Representation.objects.filter(enterprise=OuterRef("pk"), status=Representation.Status.CONFIRMED))


def unrepresented_to_confirm() -> QuerySet[Enterprise]:
    """Entries without a representative waiting for an official's confirmation."""
    return Enterprise.objects.filter(asked_filter()).filter(~has_representative())


# Writes -------------------------------------------------------------------------------


def clean_note(by: str, note: str) -> str:
    note = (note or "").strip()
    if by == ConfirmedBy.OFFICIAL and not note:
        raise ValidationError({"note": _("Say how the details were confirmed, e.g. “confirmed by phone 2027-03-04”.")},
                              code="note_required")
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError({"note": _("Keep the note under %(n)s characters.") % {"n": NOTE_MAX_LENGTH}},
                              code="note_too_long")
    return note if by == ConfirmedBy.OFFICIAL else ""


def mark_confirmed(enterprise: Enterprise, *, by: str, note: str = "", today: date | None = None,
                   may_republish: bool = True) -> str:
    """Set the confirmation on ``enterprise`` (not saved) and return the
    history's reason. An entry unpublished for not being confirmed is
    published again, or with ``may_republish`` False (a change that needs
    review) goes to the coordinator's review."""
    enterprise.last_confirmed_on = today or timezone.localdate()
    enterprise.last_confirmed_by = by
    enterprise.confirmation_note = clean_note(by, note)
    reason = (_("Confirmed by the municipality: %(note)s") % {"note": enterprise.confirmation_note}
              if by == ConfirmedBy.OFFICIAL else _("Confirmed by a representative"))
    if enterprise.unpublished_unconfirmed_on is not None:
        enterprise.unpublished_unconfirmed_on = None
        enterprise.unpublished_reason = ""
        if may_republish:
            enterprise.publication_status = PublicationStatus.PUBLISHED
            enterprise.published_at = enterprise.published_at or timezone.now()
            reason += "; " + _("published again")
        else:
            enterprise.publication_status = PublicationStatus.AWAITING_REVIEW
            reason += "; " + _("back to review before it is published again")
    return reason


@transaction.atomic
def enterprise_confirm(*, enterprise: Enterprise, by: str, note: str = "", today: date | None = None) -> Enterprise:
    """Confirm the entry's details as they are (one click for a
    representative; an official says how). Bad input changes nothing."""
    locked = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    if not (locked.is_published or locked.unpublished_unconfirmed_on is not None):
        raise ValidationError(_("Only published entries are confirmed."), code="not_published")
    reason = mark_confirmed(locked, by=by, note=note, today=today)
    locked.save(update_fields=CONFIRMATION_FIELDS)
    update_change_reason(locked, reason)
    return locked


@transaction.atomic
def record_requested(*, enterprise_id: int, today: date) -> bool:
    """The sweep asked this entry to confirm (no history row: nothing the
    reader sees changed). False if it was confirmed meanwhile."""
    updated = Enterprise.objects.filter(
        pk=enterprise_id, publication_status=PublicationStatus.PUBLISHED, last_confirmed_on__lt=cycle_start(today),
    ).update(confirmation_requested_on=today)
    return bool(updated)


@transaction.atomic
def unpublish_unconfirmed(*, enterprise_id: int, today: date) -> bool:
    """Take a long-unconfirmed entry out of the public registry, once: the
    row is locked and checked again, so a second sweep at the same moment
    finds it done and returns False."""
    enterprise = Enterprise.objects.select_for_update().filter(pk=enterprise_id).first()
    if enterprise is None or not enterprise.is_published:
        return False
    due_on = unpublish_due_on(enterprise)
    if due_on is None or due_on > today:
        return False
    with translation.override(settings.LANGUAGE_CODE):  # stored text is in the portal's language
        enterprise.publication_status = PublicationStatus.UNPUBLISHED
        enterprise.unpublished_reason = str(UNCONFIRMED_REASON)
        enterprise.unpublished_unconfirmed_on = today
        enterprise.save(update_fields=["publication_status", "unpublished_reason", "unpublished_unconfirmed_on",
                                       "updated_at"])
        update_change_reason(enterprise, _("Unpublished: %(reason)s") % {"reason": enterprise.unpublished_reason})
    return True
