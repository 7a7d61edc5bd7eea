"""The annual report's workflow: the one table of allowed moves, on the
shared engine (``core.workflow``), and the one service that moves a report.

A department official fills in the report and submits it; a submitted report
is locked. The coordinator either accepts it or returns it for completion
with a comment, after which it is editable again and can be submitted anew.
Every move writes a ``ReportStatusChange`` row; every submission keeps a
``ReportVersion`` snapshot, so nothing a department once submitted is lost.

| move   | from              | to        | who                 |
|--------|-------------------|-----------|---------------------|
| start  | not started       | draft     | department official |
| submit | draft, returned   | submitted | department official |
| return | submitted         | returned  | coordinator         |
| accept | submitted         | accepted  | coordinator         |
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow

from . import notifications, registration
from .constants import ReportStatus
from .models import DepartmentReport, ReportStatusChange, ReportVersion

SUBMIT = "policy_reports.submit_report"
REVIEW = "policy_reports.review_report"
R = ReportStatus


@dataclass(frozen=True)
class ReportMove(Move):
    needs_comment: bool = False
    # The report must be complete (text and every figure) to make this move.
    needs_complete: bool = False
    # Keep a snapshot of the content as a new ReportVersion.
    keeps_version: bool = False
    # Emails for the move, written to the outbox in the same transaction
    # (sent once it commits).
    notify: tuple = ()


MOVES = Workflow(ReportStatus, [
    ReportMove("start", {R.NOT_STARTED}, R.DRAFT, SUBMIT, _("Start")),
    ReportMove("submit", {R.DRAFT, R.RETURNED}, R.SUBMITTED, SUBMIT, _("Submit"),
               needs_complete=True, keeps_version=True),
    ReportMove("return", {R.SUBMITTED}, R.RETURNED, REVIEW, _("Return for completion"),
               needs_comment=True, notify=(notifications.report_returned,)),
    ReportMove("accept", {R.SUBMITTED}, R.ACCEPTED, REVIEW, _("Accept")),
])


def report_transition(*, report, move: str, actor, comment: str = "") -> DepartmentReport:
    """Make the move named ``move`` on ``report`` for ``actor``; return the fresh row.

    ``actor`` is None only for the system itself (demo data); every view
    passes the signed-in user, whose permission for the move is checked
    here as well as in the view."""
    with transaction.atomic():
        locked = DepartmentReport.objects.select_for_update().select_related("department", "reporting_round").get(
            pk=report.pk
        )
        from_status = locked.status
        spec = MOVES.get_or_refuse(move, from_status)
        if actor is not None and not actor.has_perm(spec.permission, locked):
            raise PermissionDenied
        comment = (comment or "").strip()
        if spec.needs_comment and not comment:
            raise ValidationError(_("Write a comment saying what needs to be completed."), code="comment_required")
        if spec.needs_complete:
            missing = locked.missing_for_submission()
            if missing:
                raise ValidationError(
                    _("The report cannot be submitted yet. Fill in: %(missing)s."),
                    code="incomplete",
                    params={"missing": ", ".join(str(label) for label in missing)},
                )
        now = timezone.now()
        _apply(locked, spec.target, actor, comment, now)
        ReportStatusChange.objects.create(
            report=locked, from_status=from_status, to_status=spec.target, actor=actor, comment=comment,
            created_at=now,
        )
        if spec.keeps_version:
            version = ReportVersion.objects.create(
                report=locked,
                number=locked.versions.count() + 1,
                content=locked.content_snapshot(),
                submitted_by=actor,
                submitted_at=now,
            )
            registration.report_submitted(locked, version)  # an incoming document of the round's case
        if spec.target == R.ACCEPTED:
            registration.round_changed(locked.reporting_round)  # the last one accepted closes the round
        for notify in spec.notify:
            notify(locked)
    return locked


def _apply(report, to_status: str, actor, comment: str, now) -> None:
    report.status = to_status
    fields = ["status", "updated_at"]
    if to_status == ReportStatus.SUBMITTED:
        report.submitted_at, report.submitted_by = now, actor
        report.return_comment = ""
        fields += ["submitted_at", "submitted_by", "return_comment"]
    elif to_status == ReportStatus.RETURNED:
        report.return_comment = comment
        fields += ["return_comment"]
    elif to_status == ReportStatus.ACCEPTED:
        report.accepted_at, report.accepted_by = now, actor
        fields += ["accepted_at", "accepted_by"]
    report.save(update_fields=fields)
