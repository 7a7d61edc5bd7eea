"""Bulk actions on the support work list: assign the selected requests to a
department (the coordinator) or to a handler in the official's own
department. Each request goes through the workflow on its own, in its own
transaction, exactly as a single move would: a request the rules or the
workflow refuse is listed with the reason and the others proceed.

Assigning a handler is the department's own move (the coordinator's
``assign`` also picks the department). Like ``assign`` it leaves the request
"assigned" for the new handler to start:

| move           | from                  | to       | who        |
|----------------|-----------------------|----------|------------|
| assign_handler | assigned, in progress | assigned | department |
"""

from dataclasses import asdict, dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Department, Membership
from core.workflow import Workflow

from . import notifications
from .constants import RequestState
from .models import RequestEvent, SupportRequest
from .rules import active_department_ids
from .workflow import HANDLER, SupportMove, support_request_transition

S = RequestState

ASSIGN_DEPARTMENT = "assign_department"
ASSIGN_HANDLER = "assign_handler"
EXPORT_CSV = "export_csv"
EXPORT_XLSX = "export_xlsx"
CHANGING_ACTIONS = (ASSIGN_DEPARTMENT, ASSIGN_HANDLER)
EXPORTS = {EXPORT_CSV: "csv", EXPORT_XLSX: "xlsx"}
# The most requests one action takes (a full work-list page is 25).
MAX_SELECTED = 200

HANDLER_MOVES = Workflow(RequestState, [
    SupportMove("assign_handler", {S.ASSIGNED, S.IN_PROGRESS}, S.ASSIGNED, HANDLER, _("Assign a handler")),
])


def action_labels() -> dict[str, str]:
    return {
        ASSIGN_DEPARTMENT: gettext("Assign to a department"),
        ASSIGN_HANDLER: gettext("Assign to a handler"),
        EXPORT_CSV: gettext("Export as CSV"),
        EXPORT_XLSX: gettext("Export as Excel (XLSX)"),
    }


def may_assign_department(user) -> bool:
    return user.has_perm("support.triage")


def assignable_departments(user):
    """Where the coordinator may send requests: every active department."""
    if not may_assign_department(user):
        return Department.objects.none()
    return Department.objects.filter(is_active=True).order_by("name")


def assignable_handlers(user):
    """Officials the user may hand requests to: the active members of the
    user's own active departments (one query)."""
    return (
        Membership.objects.filter(department_id__in=active_department_ids(user), department__is_active=True,
                                  user__is_active=True)
        .select_related("user", "department")
        .order_by("department__name", "user__last_name", "user__first_name", "user__pk")
    )


@transaction.atomic
def support_request_assign_handler(*, request_id: int, actor, handler) -> SupportRequest:
    """The department's move: give the request to one of its officials.
    Locks the row, asks the rules and the table, records the event (and the
    history row) and emails the applicant after the commit, as every move."""
    spec = HANDLER_MOVES.named("assign_handler")
    support_request = SupportRequest.objects.select_for_update(of=("self",)).get(pk=request_id)
    if not actor.has_perm(spec.permission, support_request):
        raise PermissionDenied(gettext("You may not do that with this request."))
    HANDLER_MOVES.refuse_unless_allowed(spec, support_request.state)
    is_member = Membership.objects.filter(
        user=handler, department_id=support_request.department_id, department__is_active=True, user__is_active=True
    ).exists()
    if handler is None or not is_member:
        raise ValidationError(
            {"handler": gettext("The handler must be an official of %(department)s.")
             % {"department": support_request.department}},
            code="not_member",
        )
    if support_request.handler_id == handler.pk and support_request.state == spec.target:
        raise ValidationError(gettext("%(name)s already handles this request.") % {"name": handler},
                              code="unchanged")
    from_state = support_request.state
    support_request.handler = handler
    support_request.state = spec.target
    support_request._change_reason = spec.name
    support_request.save()
    event = RequestEvent.objects.create(request=support_request, move=spec.name, from_state=from_state,
                                        to_state=spec.target, actor=actor)
    notifications.notify_event(event_id=event.pk)
    return support_request


@dataclass
class Refusal:
    reference: str
    reason: str
    request_id: int | None = None  # set only when the user may open the request


@dataclass
class BulkResult:
    action: str
    changed: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "BulkResult":
        return cls(action=data["action"], changed=list(data["changed"]),
                   refused=[Refusal(**refusal) for refusal in data["refused"]])


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or gettext("You may not do that with this request.")


def _move(action: str, *, request_id: int, user, department, handler) -> None:
    if action == ASSIGN_DEPARTMENT:
        support_request_transition(request_id=request_id, move="assign", actor=user,
                                   data={"department": department, "handler": None})
    else:
        support_request_assign_handler(request_id=request_id, actor=user, handler=handler)


def run_bulk_action(*, user, action: str, request_ids: list[int], department=None, handler=None) -> BulkResult:
    """Apply ``action`` to each request in turn. Not atomic as a whole, on
    purpose: each request is its own transaction (the move's own)."""
    if action not in CHANGING_ACTIONS:
        raise ValueError(f"Not a changing bulk action: {action!r}")
    result = BulkResult(action=action)
    found = SupportRequest.objects.filter(pk__in=request_ids).only(
        "pk", "reference", "state", "applicant_id", "department_id"
    ).in_bulk()
    for request_id in request_ids:
        support_request = found.get(request_id)
        if support_request is None:
            result.refused.append(Refusal(str(request_id), gettext("The request no longer exists.")))
            continue
        if not user.has_perm("support.view_request", support_request):
            # Never named: the user may not know what it is.
            result.refused.append(Refusal(str(request_id), gettext("You may not see this request.")))
            continue
        try:
            _move(action, request_id=request_id, user=user, department=department, handler=handler)
        except (PermissionDenied, ValidationError) as error:
            result.refused.append(Refusal(support_request.reference, _reason(error), request_id))
        else:
            result.changed.append(support_request.reference)
    return result
