"""Reads for the policy and its reports, shaped for their pages. Every list
here is fetched in a fixed number of queries, whatever its length."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from accounts.roles import is_department_official

from . import prefill
from .constants import DELIVERED, ReportStatus
from .models import (
    AMOUNT_FIELDS,
    FIGURE_FIELDS,
    DepartmentReport,
    PolicyStatement,
    PolicyVersion,
    ReportingRound,
    ReportStatusChange,
    ReportVersion,
    StatementEvidence,
)
from .registry_figures import RegistryYear, registry_year, registry_years

DELIVERED_STATUSES = [str(status) for status in DELIVERED]


# Policy versions ---------------------------------------------------------------

def version_in_force() -> PolicyVersion | None:
    return PolicyVersion.objects.filter(status__in=PolicyVersion.CURRENT).first()


def version_list() -> QuerySet[PolicyVersion]:
    return (
        PolicyVersion.objects.select_related("replaced_by")
        .annotate(statement_count=Count("statements"))
        .order_by("-decision_date", "-pk")
    )


def version_statements(*, version: PolicyVersion) -> QuerySet[PolicyStatement]:
    return version.statements.order_by("position")


# Rounds and the coordinator's overview -----------------------------------------

class Standing:
    """Where a department stands in a round, as the coordinator's overview shows it."""

    DELIVERED = "delivered"
    LATE = "late"
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"

    LABELS = {
        DELIVERED: _("Submitted"),
        LATE: _("Late"),
        NOT_STARTED: _("Not started"),
        IN_PROGRESS: _("In progress"),
    }
    ORDER = (DELIVERED, LATE, NOT_STARTED, IN_PROGRESS)


def standing_of(report: DepartmentReport, due_date: date, today: date) -> str:
    if report.status in DELIVERED:
        return Standing.DELIVERED
    if today > due_date:
        return Standing.LATE
    if report.status == ReportStatus.NOT_STARTED:
        return Standing.NOT_STARTED
    return Standing.IN_PROGRESS


def round_list() -> QuerySet[ReportingRound]:
    return ReportingRound.objects.annotate(
        report_count=Count("reports"),
        delivered_count=Count("reports", filter=Q(reports__status__in=DELIVERED_STATUSES)),
        accepted_count=Count("reports", filter=Q(reports__status=ReportStatus.ACCEPTED)),
    ).order_by("-year")


@dataclass
class OverviewRow:
    report: DepartmentReport
    standing: str

    @property
    def standing_label(self):
        return Standing.LABELS[self.standing]


@dataclass
class RoundOverview:
    reporting_round: ReportingRound
    rows: list[OverviewRow]
    departments_without_report: int
    today: date

    @property
    def counts(self) -> list[tuple[str, object, int]]:
        tally = defaultdict(int)
        for row in self.rows:
            tally[row.standing] += 1
        return [(key, Standing.LABELS[key], tally[key]) for key in Standing.ORDER]

    @property
    def is_past_due(self) -> bool:
        return self.today > self.reporting_round.due_date


def round_overview(*, reporting_round: ReportingRound, today: date | None = None) -> RoundOverview:
    today = today or timezone.localdate()
    reports = (
        reporting_round.reports.select_related("department", "submitted_by")
        .order_by("department__name")
    )
    rows = [OverviewRow(report, standing_of(report, reporting_round.due_date, today)) for report in reports]
    missing = (
        Department.objects.filter(is_active=True)
        .exclude(policy_reports__reporting_round=reporting_round)
        .count()
    )
    return RoundOverview(reporting_round, rows, missing, today)


# The round that collects reports now (for "Mitt arbete") ------------------------

def _latest_round_pk() -> Subquery:
    return Subquery(ReportingRound.objects.order_by("-year").values("pk")[:1])


def current_round_progress() -> ReportingRound | None:
    """The latest year's round, with how many of its reports are not
    delivered (``not_delivered``, as the overview counts them) and how many
    were returned and not yet resubmitted (``returned``). One query."""
    return (
        ReportingRound.objects.filter(pk=_latest_round_pk())
        .annotate(
            not_delivered=Count("reports", filter=~Q(reports__status__in=DELIVERED_STATUSES)),
            returned=Count("reports", filter=Q(reports__status=ReportStatus.RETURNED)),
        )
        .first()
    )


def own_reports_in_current_round(*, user) -> QuerySet[DepartmentReport]:
    """The reports of ``user``'s active departments in the latest round."""
    return reports_for_user(user=user).filter(reporting_round_id=_latest_round_pk())


# A department's own reports ---------------------------------------------------

def reports_for_user(*, user) -> QuerySet[DepartmentReport]:
    """The reports of the active departments ``user`` belongs to."""
    if not is_department_official(user):
        return DepartmentReport.objects.none()
    return (
        DepartmentReport.objects.filter(department_id__in=user._active_department_ids)
        .select_related("department", "reporting_round")
        .order_by("-reporting_round__year", "department__name")
    )


def report_for_page(*, pk: int) -> DepartmentReport:
    return DepartmentReport.objects.select_related(
        "department", "reporting_round", "submitted_by", "accepted_by"
    ).get(pk=pk)


def report_versions(*, report: DepartmentReport) -> QuerySet[ReportVersion]:
    return report.versions.select_related("submitted_by").order_by("-number")


def report_status_changes(*, report: DepartmentReport) -> QuerySet[ReportStatusChange]:
    return report.status_changes.select_related("actor").order_by("-created_at", "-pk")


# The compiled report ----------------------------------------------------------

def figure_totals(reports) -> dict[str, int | Decimal]:
    totals = {name: (Decimal("0") if name in AMOUNT_FIELDS else 0) for name in FIGURE_FIELDS}
    for report in reports:
        for name in FIGURE_FIELDS:
            value = getattr(report, name)
            if value is not None:
                totals[name] += value
    return totals


@dataclass
class CompiledReport:
    reporting_round: ReportingRound
    delivered: list[DepartmentReport]
    not_delivered: list[OverviewRow]
    totals: dict
    registry: RegistryYear

    @property
    def figure_rows(self) -> list[tuple[object, object]]:
        """(label, total) for each figure, in the form's order."""
        return [(DepartmentReport._meta.get_field(name).verbose_name, self.totals[name]) for name in FIGURE_FIELDS]


def compiled_report(*, reporting_round: ReportingRound, today: date | None = None) -> CompiledReport:
    """Every department's report for a round, with totals of the delivered
    ones and the registry's figures for the year."""
    today = today or timezone.localdate()
    reports = list(
        reporting_round.reports.select_related("department").order_by("department__name")
    )
    delivered = [report for report in reports if report.status in DELIVERED]
    not_delivered = [
        OverviewRow(report, standing_of(report, reporting_round.due_date, today))
        for report in reports
        if report.status not in DELIVERED
    ]
    return CompiledReport(
        reporting_round=reporting_round,
        delivered=delivered,
        not_delivered=not_delivered,
        totals=figure_totals(delivered),
        registry=registry_year(year=reporting_round.year),
    )


# The two-year review --------------------------------------------------------

@dataclass
class RoundSummary:
    reporting_round: ReportingRound
    reports: list[DepartmentReport]
    totals: dict

    @property
    def delivered(self) -> list[DepartmentReport]:
        return [report for report in self.reports if report.status in DELIVERED]

    @property
    def not_delivered(self) -> list[DepartmentReport]:
        return [report for report in self.reports if report.status not in DELIVERED]


@dataclass
class DepartmentAgreements:
    department: Department
    # year → (agreements in force, their value), None where nothing was delivered
    by_year: dict[int, tuple[int, Decimal] | None] = field(default_factory=dict)


@dataclass
class ReviewBasis:
    version: PolicyVersion
    period_start: date
    period_end: date
    today: date
    rounds: list[RoundSummary]
    registry: list[RegistryYear]
    requests: dict
    agreements_in_force_today: int | None
    agreements_by_department: list[DepartmentAgreements]
    statements: list[PolicyStatement]

    @property
    def round_years(self) -> list[int]:
        return [summary.reporting_round.year for summary in self.rounds]

    @property
    def agreement_rows(self) -> list[tuple[Department, list]]:
        """(department, [value per round year in order]) for the template."""
        return [
            (entry.department, [entry.by_year.get(year) for year in self.round_years])
            for entry in self.agreements_by_department
        ]


def review_basis(*, version: PolicyVersion, today: date | None = None) -> ReviewBasis:
    """Everything the two-year review of ``version`` rests on."""
    today = today or timezone.localdate()
    start, end = version.decision_date, version.review_due_on
    last_year = max(start.year, min(end.year, today.year))
    rounds = list(
        ReportingRound.objects.filter(year__gte=start.year, year__lte=end.year)
        .prefetch_related(
            Prefetch("reports", queryset=DepartmentReport.objects.select_related("department").order_by(
                "department__name"
            ))
        )
        .order_by("year")
    )
    summaries = []
    agreements: dict[int, DepartmentAgreements] = {}
    for reporting_round in rounds:
        reports = list(reporting_round.reports.all())
        delivered = [report for report in reports if report.status in DELIVERED]
        summaries.append(RoundSummary(reporting_round, reports, figure_totals(delivered)))
        for report in reports:
            entry = agreements.setdefault(report.department_id, DepartmentAgreements(report.department))
            entry.by_year[reporting_round.year] = (
                (report.agreements_in_force or 0, report.agreements_value or Decimal("0"))
                if report.status in DELIVERED else None
            )
    statements = list(
        version.statements.order_by("position").prefetch_related(
            Prefetch(
                "evidence",
                queryset=StatementEvidence.objects.select_related("added_by").prefetch_related(
                    Prefetch(
                        "reports",
                        queryset=DepartmentReport.objects.select_related("department", "reporting_round"),
                    )
                ),
            )
        )
    )
    return ReviewBasis(
        version=version,
        period_start=start,
        period_end=end,
        today=today,
        rounds=summaries,
        registry=registry_years(years=list(range(start.year, last_year + 1))),
        requests=prefill.request_summary(start=start, end=min(end, today)),
        agreements_in_force_today=prefill.agreements_in_force_count(on_date=today),
        agreements_by_department=sorted(agreements.values(), key=lambda entry: entry.department.name),
        statements=statements,
    )


def evidence_report_choices(*, version: PolicyVersion) -> QuerySet[DepartmentReport]:
    """Delivered reports of the version's period, which evidence may cite."""
    return (
        DepartmentReport.objects.filter(
            reporting_round__year__gte=version.decision_date.year,
            reporting_round__year__lte=version.review_due_on.year,
            status__in=DELIVERED_STATUSES,
        )
        .select_related("department", "reporting_round")
        .order_by("-reporting_round__year", "department__name")
    )
