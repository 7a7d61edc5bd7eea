"""Writes for policy versions, reporting rounds, reports and review evidence.

Views call these; a report's status moves only through
``policy_reports.workflow.report_transition``.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.utils import update_change_reason

from accounts.models import Department
from core.dates import add_years

from . import registration
from .constants import ReportStatus
from .dates import default_round_due_date
from .models import (
    FIGURE_FIELDS,
    TEXT_FIELDS,
    DepartmentReport,
    PolicyStatement,
    PolicyVersion,
    ReportingRound,
    StatementEvidence,
)
from .workflow import report_transition

Status = PolicyVersion.Status


def review_due_date(decision_date: date) -> date:
    """The policy governs for two years from the council's decision."""
    return add_years(decision_date, settings.POLICY_PERIOD_YEARS)


@transaction.atomic
def policy_version_adopt(
    *, title: str, decision_date: date, decision_reference: str, document, statements: list[str],
    review_lead_months: int | None = None, actor,
) -> PolicyVersion:
    """Register a version the council has adopted. It comes into force at
    once, and the version in force until now is marked replaced by it."""
    statements = [text.strip() for text in statements if text and text.strip()]
    if not statements:
        raise ValidationError(_("Enter at least one of the policy's statements."), code="no_statements")
    if decision_date > timezone.localdate():
        raise ValidationError(_("The council's decision date cannot be in the future."), code="future_decision")
    current = PolicyVersion.objects.select_for_update().filter(status__in=PolicyVersion.CURRENT).first()
    if current is not None and decision_date <= current.decision_date:
        raise ValidationError(
            _("The new decision must be later than the decision of the version in force (%(date)s)."),
            code="not_later",
            params={"date": current.decision_date.isoformat()},
        )
    version = PolicyVersion(
        title=title.strip(),
        decision_date=decision_date,
        decision_reference=decision_reference.strip(),
        document=document,
        document_name=document.name.rsplit("/", 1)[-1],
        review_due_on=review_due_date(decision_date),
        adopted_by=actor,
    )
    if review_lead_months is not None:
        version.review_lead_months = review_lead_months
    if current is not None:
        # Out of force before the new one comes in: the database allows one.
        current.status = Status.REPLACED
        current.save(update_fields=["status"])
    version.full_clean()
    version.save()
    PolicyStatement.objects.bulk_create(
        PolicyStatement(version=version, position=position, text=text)
        for position, text in enumerate(statements, start=1)
    )
    if current is not None:
        current.replaced_by = version
        current.save(update_fields=["replaced_by"])
        update_change_reason(current, f"Replaced by {version.decision_reference}")
    return version


# The moves of a policy version other than adoption (which replaces).
VERSION_MOVES = {
    (Status.IN_FORCE, Status.UNDER_REVIEW),
    (Status.UNDER_REVIEW, Status.IN_FORCE),
    (Status.IN_FORCE, Status.EXPIRED),
    (Status.UNDER_REVIEW, Status.EXPIRED),
}


@transaction.atomic
def policy_version_set_status(*, version: PolicyVersion, to_status: str, actor) -> PolicyVersion:
    """Start the review, take it back, or let the policy expire without a successor."""
    locked = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    if (locked.status, to_status) not in VERSION_MOVES:
        raise ValidationError(
            _("A version that is “%(current)s” cannot become “%(target)s”."),
            code="invalid_move",
            params={"current": Status(locked.status).label, "target": Status(to_status).label},
        )
    locked.status = to_status
    locked.save(update_fields=["status"])
    return locked


@transaction.atomic
def statement_evidence_add(*, statement: PolicyStatement, text: str, reports, actor) -> StatementEvidence:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Describe the evidence."), code="empty")
    evidence = StatementEvidence.objects.create(statement=statement, text=text, added_by=actor)
    evidence.reports.set(reports)
    return evidence


@transaction.atomic
def reporting_round_open(*, year: int, due_date: date | None = None, actor) -> tuple[ReportingRound, bool, int]:
    """Open the round for ``year`` (due by default at the end of February the
    year after) and give every active department its pending report.

    Idempotent: for a year already open it only adds the reports of
    departments that have none yet. Returns (round, created, reports added)."""
    current = PolicyVersion.objects.filter(status__in=PolicyVersion.CURRENT).first()
    try:
        with transaction.atomic():
            reporting_round, created = ReportingRound.objects.get_or_create(
                year=year,
                defaults={
                    "due_date": due_date or default_round_due_date(year),
                    "policy_version": current,
                    "opened_by": actor,
                },
            )
    except IntegrityError:  # opened by someone else at the same moment
        reporting_round, created = ReportingRound.objects.get(year=year), False
    if created:  # the round is the registered case (records)
        registration.register_round(reporting_round, by=actor)
    added = reporting_round_sync(reporting_round=reporting_round)
    return reporting_round, created, added


@transaction.atomic
def reporting_round_sync(*, reporting_round: ReportingRound) -> int:
    """Add a pending report for every active department that has none in
    the round (departments added after the round opened). Returns how many."""
    ReportingRound.objects.select_for_update().get(pk=reporting_round.pk)
    missing = Department.objects.filter(is_active=True).exclude(policy_reports__reporting_round=reporting_round)
    added = 0
    for department in missing:
        DepartmentReport.objects.create(reporting_round=reporting_round, department=department)
        added += 1
    if added:
        registration.round_changed(reporting_round)  # a closed round with new reports opens again
    return added


@transaction.atomic
def report_save(*, report: DepartmentReport, data: dict, portal_figures: dict, actor) -> DepartmentReport:
    """Save the department's text and figures. Only a report that is not
    submitted can change; the first save starts it (a draft)."""
    locked = DepartmentReport.objects.select_for_update().get(pk=report.pk)
    if not locked.is_editable:
        raise ValidationError(
            _("This report has been submitted and is locked. The coordinator can return it for completion."),
            code="locked",
        )
    for name in TEXT_FIELDS:
        setattr(locked, name, (data.get(name) or "").strip())
    for name in FIGURE_FIELDS:
        setattr(locked, name, data.get(name))
    locked.portal_figures = portal_figures
    locked.full_clean(exclude=["reporting_round", "department"])
    locked.save()
    if locked.status == ReportStatus.NOT_STARTED:
        locked = report_transition(report=locked, move="start", actor=actor)
    return locked


@transaction.atomic
def report_save_and_submit(*, report: DepartmentReport, data: dict, portal_figures: dict, actor) -> DepartmentReport:
    """Save and submit in one go: if the submission is refused, nothing is saved."""
    saved = report_save(report=report, data=data, portal_figures=portal_figures, actor=actor)
    return report_transition(report=saved, move="submit", actor=actor)
