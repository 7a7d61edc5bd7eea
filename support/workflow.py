"""The support request workflow: one table of allowed moves, enforced by one
service that locks the row, checks the table, records the move and sends
its emails after the commit.

| move          | from                                             | to          | who          |
|---------------|--------------------------------------------------|-------------|--------------|
| submit        | draft                                            | submitted   | applicant    |
| assign        | submitted, assigned, in progress                 | assigned    | coordinator  |
| assign_handler| assigned, in progress                            | assigned    | department   |
| start         | assigned                                         | in progress | department   |
| request_info  | in progress                                      | waiting     | department   |
| resume        | waiting                                          | in progress | either side  |
| forward       | in progress                                      | forwarded   | department   |
| record_answer | forwarded                                        | in progress | department   |
| decide        | in progress                                      | decided     | department   |
| close         | decided                                          | closed      | department   |
| withdraw      | submitted, assigned, in progress, waiting, fwd.  | withdrawn   | applicant    |
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Department, Membership
from core.workflow import Move, Workflow
from enterprises.rules import represents

from . import notifications, registration
from .constants import Outcome, RequestState
from .deadlines import first_response_due
from .models import Message, RequestEvent, SupportRequest
from .references import format_reference, next_reference_number

S = RequestState
APPLICANT_SIDE = "applicant"
MUNICIPAL_SIDE = "municipality"
APPLICANT = "support.act_as_applicant"
HANDLER = "support.handle_request"


@dataclass(frozen=True)
class SupportMove(Move):
    # Whether the move answers the applicant (stops the first-response clock).
    is_response: bool = False
    # Whether the form needs a comment (for example what information is missing).
    comment_required: bool = False
    # Whether the comment is also a message in the conversation, where the
    # applicant answers it (the question of request_info).
    comment_in_conversation: bool = False


MOVES = Workflow(RequestState, [
    SupportMove("submit", {S.DRAFT}, S.SUBMITTED, APPLICANT, _("Submit")),
    SupportMove("assign", {S.SUBMITTED, S.ASSIGNED, S.IN_PROGRESS}, S.ASSIGNED, "support.triage", _("Assign")),
    # The department's own move (the coordinator's "assign" also picks the
    # department); like "assign" it leaves the request for the new handler to start.
    SupportMove("assign_handler", {S.ASSIGNED, S.IN_PROGRESS}, S.ASSIGNED, HANDLER, _("Assign a handler")),
    SupportMove("start", {S.ASSIGNED}, S.IN_PROGRESS, HANDLER, _("Start handling"), is_response=True),
    SupportMove("request_info", {S.IN_PROGRESS}, S.WAITING, HANDLER, _("Ask the applicant for information"),
                is_response=True, comment_required=True, comment_in_conversation=True),
    SupportMove("resume", {S.WAITING}, S.IN_PROGRESS, "support.resume_request", _("Continue handling")),
    SupportMove("forward", {S.IN_PROGRESS}, S.FORWARDED, HANDLER, _("Forward to an external partner"),
                is_response=True),
    SupportMove("record_answer", {S.FORWARDED}, S.IN_PROGRESS, HANDLER, _("Record the partner's answer")),
    SupportMove("decide", {S.IN_PROGRESS}, S.DECIDED, HANDLER, _("Decide"), is_response=True),
    SupportMove("close", {S.DECIDED}, S.CLOSED, HANDLER, _("Close")),
    SupportMove("withdraw", {S.SUBMITTED, S.ASSIGNED, S.IN_PROGRESS, S.WAITING, S.FORWARDED}, S.WITHDRAWN,
                APPLICANT, _("Withdraw")),
])

APPLICANT_MOVES = frozenset({"submit", "withdraw"})


def available_moves(user, support_request: SupportRequest) -> list[SupportMove]:
    """The moves this user may make on the request in its present state."""
    return [move for move in MOVES.available(support_request.state)
            if user.has_perm(move.permission, support_request)]


@transaction.atomic
def support_request_transition(*, request_id: int, move: str, actor, comment: str = "",
                               data: dict | None = None, notify: bool = True) -> SupportRequest:
    """Make one move of the workflow, or refuse it and change nothing.

    ``notify=False`` is for a caller that sends its own email about the same
    event (an applicant's reply, which also resumes handling)."""
    spec = MOVES.named(move)
    support_request = (
        SupportRequest.objects.select_for_update(of=("self",))
        .select_related("kind", "enterprise")
        .get(pk=request_id)
    )
    if not actor.has_perm(spec.permission, support_request):
        raise PermissionDenied(gettext("You may not do that with this request."))
    MOVES.refuse_unless_allowed(spec, support_request.state)
    comment = (comment or "").strip()
    if spec.comment_required and not comment:
        raise ValidationError({"comment": gettext("Write a comment for the applicant.")}, code="required")

    now = timezone.now()
    from_state = support_request.state
    _APPLY[move](support_request, actor=actor, now=now, data=data or {})
    support_request.state = spec.target
    if spec.is_response and support_request.first_response_at is None:
        support_request.first_response_at = now
    support_request._change_reason = move
    support_request.save()
    event = RequestEvent.objects.create(
        request=support_request, move=move, from_state=from_state, to_state=spec.target, actor=actor,
        comment=comment,
    )
    if spec.comment_in_conversation:
        # The move's own e-mail tells the applicant; the message needs none.
        Message.objects.create(request=support_request, author=actor, body=comment)
    # The case's registration and its list of documents (records), in this transaction.
    registration.request_moved(support_request, event)
    if notify:
        # Written to the outbox with the change; sent once it commits.
        notifications.notify_event(event_id=event.pk)
    return support_request


# How each move changes the request. Each validates its data first and raises
# ValidationError (field -> message) before touching anything.

def _required(data: dict, *names: str) -> None:
    missing = {name: gettext("This field is required.") for name in names if data.get(name) in (None, "")}
    if missing:
        raise ValidationError(missing, code="required")


def _apply_submit(support_request: SupportRequest, *, actor, now: datetime, data: dict) -> None:
    errors = {}
    for name in ("subject", "description", "hoped_outcome"):
        if not getattr(support_request, name).strip():
            errors[name] = gettext("This field is required.")
    if not support_request.kind.is_active:
        errors["kind"] = gettext("This kind of support can no longer be applied for. Choose another.")
    if support_request.enterprise is not None and not represents(support_request.applicant, support_request.enterprise):
        errors["enterprise"] = gettext("You no longer represent this enterprise. Choose another or apply as "
                                       "planning to start a social enterprise.")
    if errors:
        raise ValidationError(errors)
    year = timezone.localdate(now).year
    number = next_reference_number(year=year)
    support_request.reference_year = year
    support_request.reference_number = number
    support_request.reference = format_reference(year, number)
    support_request.submitted_at = now
    support_request.first_response_due = first_response_due(timezone.localdate(now))


def _apply_assign(support_request: SupportRequest, *, actor, now: datetime, data: dict) -> None:
    _required(data, "department")
    department = data["department"]
    handler = data.get("handler")
    if not isinstance(department, Department) or not department.is_active:
        raise ValidationError({"department": gettext("Choose an active department.")}, code="inactive")
    if handler is not None and not Membership.objects.filter(user=handler, department=department,
                                                             user__is_active=True).exists():
        raise ValidationError(
            {"handler": gettext("The handler must be an official of %(department)s.") % {"department": department}},
            code="not_member",
        )
    support_request.department = department
    support_request.handler = handler


def _apply_assign_handler(support_request: SupportRequest, *, actor, now: datetime, data: dict) -> None:
    handler = data.get("handler")
    is_member = handler is not None and Membership.objects.filter(
        user=handler, department_id=support_request.department_id, department__is_active=True, user__is_active=True
    ).exists()
    if not is_member:
        raise ValidationError(
            {"handler": gettext("The handler must be an official of %(department)s.")
             % {"department": support_request.department}},
            code="not_member",
        )
    if support_request.handler_id == handler.pk and support_request.state == S.ASSIGNED:
        raise ValidationError(gettext("%(name)s already handles this request.") % {"name": handler},
                              code="unchanged")
    support_request.handler = handler


def _apply_start(support_request: SupportRequest, *, actor, now: datetime, data: dict) -> None:
    decision_due = data.get("decision_due")
    if decision_due is not None:
        validate_decision_due(decision_due, now=now)
        support_request.decision_due = decision_due
    if support_request.handler_id is None:
        support_request.handler = actor


def _apply_request_info(support_request: SupportRequest, *, actor, now: datetime, data: dict) -> None:
    _required(data, "reply_by")
    if data["reply_by"] <= timezone.localdate(now):
        raise ValidationError({"reply_by": gettext("The reply-by date must be after today.")}, code="past")
    support_request.reply_by = data["reply_by"]


def _apply_resume(support_request: SupportRequest, *, actor, now: datetime, data: dict) -> None:
    support_request.reply_by = None


def _apply_forward(support_request: SupportRequest, *, actor, now: datetime, data: dict) -> None:
    _required(data, "forwarded_to", "forwarded_on")
    if data["forwarded_on"] > timezone.localdate(now):
        raise ValidationError({"forwarded_on": gettext("The date cannot be in the future.")}, code="future")
    support_request.forwarded_to = data["forwarded_to"].strip()
    support_request.forwarded_on = data["forwarded_on"]
    support_request.forward_answer = ""
    support_request.forward_answered_on = None


def _apply_record_answer(support_request: SupportRequest, *, actor, now: datetime, data: dict) -> None:
    _required(data, "forward_answer", "forward_answered_on")
    answered_on = data["forward_answered_on"]
    if answered_on > timezone.localdate(now):
        raise ValidationError({"forward_answered_on": gettext("The date cannot be in the future.")}, code="future")
    if answered_on < support_request.forwarded_on:
        raise ValidationError(
            {"forward_answered_on": gettext("The answer cannot come before the request was forwarded.")},
            code="before_forwarded",
        )
    support_request.forward_answer = data["forward_answer"].strip()
    support_request.forward_answered_on = answered_on


def _apply_decide(support_request: SupportRequest, *, actor, now: datetime, data: dict) -> None:
    _required(data, "outcome", "outcome_reason")
    if data["outcome"] not in Outcome.values:
        raise ValidationError({"outcome": gettext("Choose granted, partly granted or declined.")}, code="invalid")
    support_request.outcome = data["outcome"]
    support_request.outcome_reason = data["outcome_reason"].strip()
    support_request.decided_at = now


def _apply_end(support_request: SupportRequest, *, actor, now: datetime, data: dict) -> None:
    support_request.ended_at = now
    support_request.reply_by = None


_APPLY = {
    "submit": _apply_submit,
    "assign": _apply_assign,
    "assign_handler": _apply_assign_handler,
    "start": _apply_start,
    "request_info": _apply_request_info,
    "resume": _apply_resume,
    "forward": _apply_forward,
    "record_answer": _apply_record_answer,
    "decide": _apply_decide,
    "close": _apply_end,
    "withdraw": _apply_end,
}
assert set(_APPLY) == set(MOVES), "every move needs its effect"


def validate_decision_due(decision_due, *, now: datetime) -> None:
    if decision_due < timezone.localdate(now):
        raise ValidationError({"decision_due": gettext("The decision due date cannot be in the past.")},
                              code="past")
