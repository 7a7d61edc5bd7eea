"""Reads for the records manager's pages, each in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from accounts.selectors import HISTORY_ACTIONS
from records.constants import CaseKind, RecordType
from records.models import Delivery, DisposalLogEntry, DisposalRun, RetentionRule, Series, SeriesUse

from .plan_texts import rule_text

# Fields of a rule whose changes the plan's history shows.
HISTORY_FIELDS = ("action", "period_months", "trigger", "deliver_first", "remove_after_receipt", "decision", "note")


@dataclass(frozen=True)
class PlanRow:
    record_type: str
    label: str
    rule: RetentionRule | None
    text: str


def plan_rows() -> list[PlanRow]:
    """One row per record type, in the order of ``RecordType``; ``rule`` is
    None where the plan has no rule (nothing of that type is disposed of)."""
    rules = {rule.record_type: rule for rule in RetentionRule.objects.select_related("updated_by")}
    return [
        PlanRow(record_type=value, label=label, rule=rules.get(value), text=rule_text(rules.get(value)))
        for value, label in RecordType.choices
    ]


def missing_record_types(rows: list[PlanRow]) -> list[PlanRow]:
    return [row for row in rows if row.rule is None]


def _display(field_name: str, value):
    field = RetentionRule._meta.get_field(field_name)
    if field.choices and value:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value if value not in ("", None) else None


def plan_history() -> list[dict]:
    """Every change to the plan, newest first: who, when, which record type
    and what changed (against the rule's record before it). The plan is a
    dozen rules, so its whole history is read in one query."""
    records = list(RetentionRule.history.select_related("history_user").order_by("history_date", "history_id"))
    previous: dict = {}
    rows = []
    for record in records:
        before = previous.get(record.id)
        changes = []
        for name in HISTORY_FIELDS:
            new = getattr(record, name)
            old = getattr(before, name) if before is not None else None
            if before is None and record.history_type == "-":
                continue
            if before is None or old != new:
                if before is None and new in ("", None, False):
                    continue
                changes.append({
                    "field": RetentionRule._meta.get_field(name).verbose_name,
                    "old": _display(name, old) if before is not None else None,
                    "new": _display(name, new),
                })
        previous[record.id] = record
        rows.append({
            "record": record,
            "record_type": RecordType(record.record_type).label,
            "action": HISTORY_ACTIONS.get(record.history_type, ""),
            "changes": changes,
        })
    rows.reverse()
    return rows


def series_list():
    return Series.objects.annotate(registration_count=Count("registrations")).order_by("prefix")


def series_uses() -> list[tuple[str, Series | None]]:
    uses = {use.case_kind: use.series for use in SeriesUse.objects.select_related("series")}
    return [(label, uses.get(value)) for value, label in CaseKind.choices]


def disposal_log(*, since: date | None = None, until: date | None = None, record_type: str = ""):
    entries = DisposalLogEntry.objects.select_related("run")
    if since:
        entries = entries.filter(disposed_at__date__gte=since)
    if until:
        entries = entries.filter(disposed_at__date__lte=until)
    if record_type:
        entries = entries.filter(record_type=record_type)
    return entries.order_by("-disposed_at", "-pk")


def last_runs(limit: int = 5) -> list[DisposalRun]:
    return list(
        DisposalRun.objects.annotate(record_count=Sum("entries__count")).order_by("-started_at", "-pk")[:limit]
    )


def deliveries_awaiting_receipt() -> int:
    return Delivery.objects.filter(status=Delivery.Status.VALID).count()
