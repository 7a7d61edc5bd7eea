"""An enterprise's history page: every recorded version with its changes,
its service categories and target groups among them, and the ASF reminders
the sweep sent (one row per milestone), in a fixed number of queries."""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.db.models import Count, Min
from django.utils.translation import gettext as _

from accounts.selectors import HISTORY_ACTIONS
from core.models import OutboundEmail
from core.names import localized_name

from .models import Enterprise, ServiceCategory, TargetGroup

# The many-to-many fields kept with each version (HistoricalRecords(m2m_fields=...)):
# field name -> (the historical row's column, the vocabulary).
M2M_FIELDS = {"service_categories": ("servicecategory", ServiceCategory),
              "target_groups": ("targetgroup", TargetGroup)}


@dataclass
class SweepRecord:
    """A step the reminder sweep took, shown like a history record."""

    history_date: datetime
    history_change_reason: str
    history_user = None


def enterprise_history(enterprise: Enterprise, *, limit: int = 200) -> list[dict]:
    """Newest first: ``{"record", "action", "changes"}`` per row, as
    ``accounts.selectors.history_of`` gives for other objects."""
    records = list(enterprise.history.select_related("history_user").order_by("-history_date", "-history_id")
                   [: limit + 1])
    kept = _kept_ids(records)
    names = _vocabulary_names(kept)
    rows = []
    for newer, older in list(zip(records, records[1:] + [None]))[:limit]:
        changes = []
        if older is not None:
            for change in newer.diff_against(older, excluded_fields=list(M2M_FIELDS)).changes:
                field = Enterprise._meta.get_field(change.field)
                changes.append({"field": field.verbose_name, "old": change.old, "new": change.new})
            changes += _m2m_changes(kept[newer.history_id], kept[older.history_id], names)
        rows.append({"record": newer, "action": HISTORY_ACTIONS.get(newer.history_type, ""), "changes": changes})
    rows += _reminder_rows(enterprise)
    rows.sort(key=lambda row: row["record"].history_date, reverse=True)
    return rows[:limit]


def _kept_ids(records) -> dict[int, dict[str, set[int]]]:
    """history_id -> field -> the ids kept with that version: one query per field."""
    kept = {record.history_id: {name: set() for name in M2M_FIELDS} for record in records}
    for name, (column, _model) in M2M_FIELDS.items():
        through = apps.get_model("enterprises", f"HistoricalEnterprise_{name}")
        rows = through.objects.filter(history_id__in=kept).values_list("history_id", f"{column}_id")
        for history_id, pk in rows:
            kept[history_id][name].add(pk)
    return kept


def _vocabulary_names(kept) -> dict[str, dict[int, str]]:
    """The names of every category and target group the versions mention:
    one query per vocabulary."""
    names = {}
    for name, (_column, model) in M2M_FIELDS.items():
        ids = set().union(*(fields[name] for fields in kept.values()))
        names[name] = {obj.pk: localized_name(obj) for obj in model.objects.filter(pk__in=ids)} if ids else {}
    return names


def _m2m_changes(newer: dict, older: dict, names) -> list[dict]:
    changes = []
    for name in M2M_FIELDS:
        before, after = older[name], newer[name]
        if before == after:
            continue
        field = Enterprise._meta.get_field(name)
        changes.append({"field": field.verbose_name, "old": _joined(before, names[name]),
                        "new": _joined(after, names[name])})
    return changes


def _joined(ids: set[int], names: dict[int, str]) -> str | None:
    return ", ".join(sorted(names.get(pk, "?") for pk in ids)) or None


def _reminder_rows(enterprise: Enterprise) -> list[dict]:
    """The ASF reminders and expiry notices sent about the enterprise, one row
    per milestone with the number of recipients (never their addresses)."""
    sent = (
        OutboundEmail.objects.filter(dedup_key__startswith=f"asf-check:{enterprise.pk}:")
        .values("dedup_key").annotate(first=Min("created_at"), recipients=Count("pk")).order_by()
    )
    rows = []
    for item in sent:
        _prefix, _pk, valid_until, milestone = item["dedup_key"].split(":")
        rows.append({"record": SweepRecord(item["first"], _reminder_text(int(milestone), valid_until,
                                                                         item["recipients"])),
                     "action": _("Reminder sent"), "changes": []})
    return rows


def _reminder_text(offset: int, valid_until: str, recipients: int) -> str:
    values = {"date": valid_until, "days": -offset, "n": recipients}
    if offset > 0:
        return _("The ASF verification (valid until %(date)s) expired without a renewal: the badge was "
                 "removed and the coordinator told (%(n)s recipient(s)).") % values
    if offset == 0:
        return _("Reminder on the expiry day of the ASF verification (valid until %(date)s) sent to "
                 "%(n)s recipient(s).") % values
    return _("Reminder %(days)s days before the ASF verification expires (valid until %(date)s) sent to "
             "%(n)s recipient(s).") % values
