"""The records manager's items: records due for disposal, deliveries
awaiting the e-archive's receipt and record types the plan has no rule for."""

from datetime import date

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from archive import selectors as archive
from archive.disposal.runner import preview

from ..items import Item


def records_manager_items(*, today: date) -> list[Item]:
    return [due_for_disposal(today=today), awaiting_receipt(), missing_rules()]


def due_for_disposal(*, today: date) -> Item:
    count = preview(today=today, numbers_limit=0).total
    return Item(
        key="due_for_disposal",
        label=ngettext("%(count)s record due for disposal", "%(count)s records due for disposal",
                       count) % {"count": count},
        url=reverse("archive:dry_run"),
        count=count,
        next_step=_("The disposal job disposes of them tonight and writes the disposal log.") if count
        else _("Nothing is due for disposal."),
    )


def awaiting_receipt() -> Item:
    count = archive.deliveries_awaiting_receipt()
    try:
        url = reverse("archive:deliveries")
    except NoReverseMatch:  # the deliveries' pages are not installed
        url = ""
    return Item(
        key="awaiting_receipt",
        label=ngettext("%(count)s delivery awaiting the e-archive's receipt",
                       "%(count)s deliveries awaiting the e-archive's receipt", count) % {"count": count},
        url=url,
        count=count,
        next_step=_("Record the receipt when the e-archive confirms it.") if count
        else _("No delivery is waiting for a receipt."),
        needs_attention=bool(count),
    )


def missing_rules() -> Item:
    count = len(archive.missing_record_types(archive.plan_rows()))
    return Item(
        key="missing_rules",
        label=ngettext("%(count)s record type without a rule in the records plan",
                       "%(count)s record types without a rule in the records plan", count) % {"count": count},
        url=reverse("archive:plan"),
        count=count,
        next_step=_("Records of these types are never disposed of: add their rules.") if count
        else _("Every record type has a rule."),
        needs_attention=bool(count),
    )
