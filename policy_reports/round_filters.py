"""The round overview's filters (standing, report status) and sort.

The page filters the rows it has already read (no extra query);
``reports_matching`` is the same filter as a queryset, for counting the
rows without reading them (the saved views' live counts)."""

from datetime import date

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .constants import DELIVERED, ReportStatus
from .models import DepartmentReport, ReportingRound
from .selectors import OverviewRow, Standing

SORTS = ("department", "submitted", "standing")


class RoundOverviewFilterForm(forms.Form):
    standing = forms.ChoiceField(label=_("Standing"), required=False,
                                 choices=[("", _("All"))] + list(Standing.LABELS.items()))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All"))] + ReportStatus.choices)
    sortera = forms.ChoiceField(label=_("Sort by"), required=False, choices=[
        ("department", _("Department or company")),
        ("submitted", _("Latest submitted first")),
        ("standing", _("Standing")),
    ])

    def filters(self) -> dict:
        data = {}
        if self.is_bound:
            self.is_valid()
            data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return {"standing": data.get("standing") or "", "status": data.get("status") or "",
                "sort": data.get("sortera") or "department"}


def filter_rows(rows: list[OverviewRow], *, standing: str = "", status: str = "",
                sort: str = "department") -> list[OverviewRow]:
    """The overview's rows (sorted by department) that match, in the chosen order."""
    rows = [row for row in rows if (not standing or row.standing == standing)
            and (not status or row.report.status == status)]
    if sort == "submitted":
        # Newest first, never submitted last (the sort is stable within each group).
        rows = sorted(rows, key=lambda row: row.report.submitted_at.timestamp() if row.report.submitted_at else 0,
                      reverse=True)
    elif sort == "standing":
        rows = sorted(rows, key=lambda row: Standing.ORDER.index(row.standing))
    return rows


def standing_condition(standing: str, due_date: date, today: date) -> Q:
    """``selectors.standing_of`` as a condition on reports."""
    delivered = Q(status__in=[str(status) for status in DELIVERED])
    if standing == Standing.DELIVERED:
        return delivered
    if today > due_date:
        return ~delivered if standing == Standing.LATE else Q(pk__in=[])
    if standing == Standing.NOT_STARTED:
        return Q(status=ReportStatus.NOT_STARTED)
    if standing == Standing.IN_PROGRESS:
        return ~delivered & ~Q(status=ReportStatus.NOT_STARTED)
    return Q(pk__in=[])  # LATE before the due date


def reports_matching(reporting_round: ReportingRound, *, today: date, standing: str = "", status: str = "",
                     sort: str = "department") -> QuerySet[DepartmentReport]:
    reports = DepartmentReport.objects.filter(reporting_round=reporting_round)
    if standing:
        reports = reports.filter(standing_condition(standing, reporting_round.due_date, today))
    if status:
        reports = reports.filter(status=status)
    return reports
