"""The ASF definition-check workflow: the one table of allowed moves on the
shared engine (``core.workflow``), the single service that moves a check, and
the other writes of a check (starting it, its statements and evidence).

draft ──submit──▶ submitted ──request_info──▶ more_info ──submit──▶ submitted
                       └──────decide──────▶ decided
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import add_years
from core.uploads import store_upload
from core.workflow import Move, Workflow

from . import notifications, registration
from .constants import Criterion
from .models import CriterionAssessment, DefinitionCheck, Enterprise, Evidence
from .services import enterprise_refresh_asf_status

Status = DefinitionCheck.Status
Verdict = CriterionAssessment.Verdict
FILL = "enterprises.fill_check"  # asked of the user with the enterprise as object
REVIEW = "enterprises.review_check"

MOVES = Workflow(Status, [
    Move("submit", {Status.DRAFT, Status.MORE_INFO}, Status.SUBMITTED, FILL, gettext_lazy("submit the check")),
    Move("request_info", {Status.SUBMITTED}, Status.MORE_INFO, REVIEW, gettext_lazy("ask for more information")),
    Move("decide", {Status.SUBMITTED}, Status.DECIDED, REVIEW, gettext_lazy("decide the check")),
])


@transaction.atomic
def check_start(*, enterprise: Enterprise, user) -> DefinitionCheck:
    """Open a new check with one empty assessment per criterion."""
    if enterprise.definition_checks.exclude(status=Status.DECIDED).exists():
        raise ValidationError(_("This enterprise already has a check in progress."), code="open_check")
    check = DefinitionCheck.objects.create(enterprise=enterprise, created_by=user)
    CriterionAssessment.objects.bulk_create(
        CriterionAssessment(definition_check=check, criterion=criterion) for criterion in Criterion.values
    )
    return check


@transaction.atomic
def check_save_statements(*, check: DefinitionCheck, statements: dict[int, str]) -> DefinitionCheck:
    check = DefinitionCheck.objects.select_for_update().get(pk=check.pk)
    if check.status not in (Status.DRAFT, Status.MORE_INFO):
        raise ValidationError(_("The statements can no longer be changed: the check is being reviewed."),
                              code="locked")
    for assessment in check.assessments.all():
        assessment.statement = statements.get(assessment.criterion, assessment.statement).strip()
        assessment.save(update_fields=["statement"])
    return check


def check_move(*, check: DefinitionCheck, action: str, user, comment: str = "",
               verdicts: dict[int, tuple[str, str]] | None = None) -> DefinitionCheck:
    """The one way a check changes state. Refuses a move the table does not
    allow, or one the user may not make, and changes nothing then."""
    with transaction.atomic():
        check = DefinitionCheck.objects.select_for_update().select_related("enterprise").get(pk=check.pk)
        move = MOVES.get_or_refuse(action, check.status)
        if not user.has_perm(move.permission, check.enterprise):
            raise PermissionDenied
        handler = _HANDLERS[action]
        handler(check, user=user, comment=comment, verdicts=verdicts or {})
        check.status = move.target
        check._change_reason = comment or str(move.label)
        check._history_user = user
        check.save()
        renewal = check.enterprise.asf_renewal_submitted_on is not None or _is_renewal(check)
        enterprise_refresh_asf_status(enterprise=check.enterprise, reason=_history_reason(check, action, renewal),
                                      user=user)
        registration.check_moved(check, action)  # the check's registered case (records)
        notifications.notify_check_moved(check_id=check.pk, action=action)
    return check


def _submit(check, *, user, comment, verdicts):
    missing = [a.get_criterion_display() for a in check.assessments.all() if not a.statement.strip()]
    if missing:
        raise ValidationError(
            _("Describe how the enterprise meets every criterion before submitting. Missing: %(missing)s.")
            % {"missing": "; ".join(str(m) for m in missing)},
            code="statements_missing",
        )
    check.submitted_at = timezone.now()


def _request_info(check, *, user, comment, verdicts):
    if not comment.strip():
        raise ValidationError(_("Say what more information the enterprise needs to give."), code="comment_required")
    check.info_request = comment.strip()
    _record_verdicts(check, verdicts, final=False)


def _decide(check, *, user, comment, verdicts):
    assessments = _record_verdicts(check, verdicts, final=True)
    check.is_asf = all(a.verdict == Verdict.MET for a in assessments)
    check.decided_by = user
    check.decided_on = timezone.localdate()
    check.valid_until = add_years(check.decided_on, settings.ASF_CHECK_VALID_YEARS)


def _record_verdicts(check, verdicts, *, final: bool) -> list[CriterionAssessment]:
    assessments = list(check.assessments.all())
    for assessment in assessments:
        verdict, reasoning = verdicts.get(assessment.criterion, (assessment.verdict, assessment.reasoning))
        assessment.verdict, assessment.reasoning = verdict, (reasoning or "").strip()
    if final:
        undecided = [a for a in assessments if a.verdict not in (Verdict.MET, Verdict.NOT_MET)]
        if undecided:
            raise ValidationError(
                _("Give every criterion the verdict met or not met before deciding."), code="verdicts_missing"
            )
        unreasoned = [a for a in assessments if not a.reasoning]
        if unreasoned:
            raise ValidationError(_("Give reasons for every verdict."), code="reasoning_missing")
    for assessment in assessments:
        assessment.save(update_fields=["verdict", "reasoning"])
    return assessments


def _is_renewal(check: DefinitionCheck) -> bool:
    """A check sent in while the enterprise's verification is still valid."""
    valid_until = check.enterprise.asf_valid_until
    return valid_until is not None and valid_until >= timezone.localdate()


def _history_reason(check: DefinitionCheck, action: str, renewal: bool) -> str:
    """The step as the entry's history tells it."""
    if action == "submit":
        if renewal:
            return _("ASF renewal check submitted: the entry stays ASF (renewal in progress) until it is decided")
        return _("ASF check submitted")
    if action == "request_info":
        return _("More information requested for the ASF check")
    if check.is_asf:
        return _("ASF check approved: valid until %(date)s") % {"date": check.valid_until.isoformat()}
    return _("ASF check decided: the definition is not met")


_HANDLERS = {"submit": _submit, "request_info": _request_info, "decide": _decide}
assert set(_HANDLERS) == set(MOVES), "every move needs its effect"


def is_current(check: DefinitionCheck, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return check.status == Status.DECIDED and check.valid_until is not None and check.valid_until >= today


@transaction.atomic
def check_add_evidence(*, check: DefinitionCheck, criterion: int, upload, user) -> Evidence:
    evidence = store_upload(Evidence, upload, definition_check=check, criterion=criterion, uploaded_by=user)
    registration.evidence_added(check, evidence)  # listed in the case once the check is registered
    return evidence
