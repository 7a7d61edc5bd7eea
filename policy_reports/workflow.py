"""The annual report's workflow: its states, the one table of allowed moves,
and the one service that moves a report.

A department official fills in the report and submits it; a submitted report
is locked. The coordinator either accepts it or returns it for completion
with a comment, after which it is editable again and can be submitted anew.
Every move writes a ``ReportStatusChange`` row; every submission keeps a
``ReportVersion`` snapshot, so nothing a department once submitted is lost.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import ReportStatus

SUBMIT = "policy_reports.submit_report"
REVIEW = "policy_reports.review_report"


def _notify_returned(report) -> None:
    from .notifications import report_returned

    report_returned(report)


@dataclass(frozen=True)
class Move:
    label: str
    permission: str
    needs_comment: bool = False
    # The report must be complete (text and every figure) to make this move.
    needs_complete: bool = False
    # Keep a snapshot of the content as a new ReportVersion.
    keeps_version: bool = False
    # Emails for the move, written to the outbox in the same transaction
    # (sent once it commits).
    notify: tuple = field(default=())


MOVES: dict[tuple[str, str], Move] = {
    (ReportStatus.NOT_STARTED, ReportStatus.DRAFT): Move(_("Start"), SUBMIT),
    (ReportStatus.DRAFT, ReportStatus.SUBMITTED): Move(_("Submit"), SUBMIT, needs_complete=True, keeps_version=True),
    (ReportStatus.SUBMITTED, ReportStatus.RETURNED): Move(
        _("Return for completion"), REVIEW, needs_comment=True, notify=(_notify_returned,)
    ),
    (ReportStatus.RETURNED, ReportStatus.SUBMITTED): Move(
        _("Submit"), SUBMIT, needs_complete=True, keeps_version=True
    ),
    (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED): Move(_("Accept"), REVIEW),
}


def allowed_moves(status: str) -> list[str]:
    return [to for (frm, to) in MOVES if frm == status]


def report_transition(*, report, to_status: str, actor, comment: str = ""):
    """Move ``report`` to ``to_status`` for ``actor``; return the fresh row.

    ``actor`` is None only for the system itself (demo data); every view
    passes the signed-in user, whose permission for the move is checked
    here as well as in the view."""
    from .models import DepartmentReport, ReportStatusChange, ReportVersion

    with transaction.atomic():
        locked = DepartmentReport.objects.select_for_update().select_related("department", "reporting_round").get(
            pk=report.pk
        )
        from_status = locked.status
        move = MOVES.get((from_status, to_status))
        if move is None:
            raise ValidationError(
                _("A report that is “%(current)s” cannot be moved to “%(target)s”."),
                code="invalid_move",
                params={"current": ReportStatus(from_status).label, "target": ReportStatus(to_status).label},
            )
        if actor is not None and not actor.has_perm(move.permission, locked):
            raise PermissionDenied
        comment = (comment or "").strip()
        if move.needs_comment and not comment:
            raise ValidationError(_("Write a comment saying what needs to be completed."), code="comment_required")
        if move.needs_complete:
            missing = locked.missing_for_submission()
            if missing:
                raise ValidationError(
                    _("The report cannot be submitted yet. Fill in: %(missing)s."),
                    code="incomplete",
                    params={"missing": ", ".join(str(label) for label in missing)},
                )
        now = timezone.now()
        _apply(locked, to_status, actor, comment, now)
        ReportStatusChange.objects.create(
            report=locked, from_status=from_status, to_status=to_status, actor=actor, comment=comment, created_at=now
        )
        if move.keeps_version:
            ReportVersion.objects.create(
                report=locked,
                number=locked.versions.count() + 1,
                content=locked.content_snapshot(),
                submitted_by=actor,
                submitted_at=now,
            )
        for notify in move.notify:
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
