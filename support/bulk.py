"""Bulk actions on the support work list: assign the selected requests to a
department (the coordinator, the workflow's ``assign``) or to a handler in
the official's own department (``assign_handler``). Each request goes through
the workflow on its own, in its own transaction, exactly as a single move
would: a request the rules or the workflow refuse is listed with the reason
and the others proceed.
"""

from dataclasses import asdict, dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext

from accounts.models import Department, Membership

from .models import SupportRequest
from .rules import active_department_ids
from .workflow import support_request_transition

ASSIGN_DEPARTMENT = "assign_department"
ASSIGN_HANDLER = "assign_handler"
EXPORT_CSV = "export_csv"
EXPORT_XLSX = "export_xlsx"
CHANGING_ACTIONS = (ASSIGN_DEPARTMENT, ASSIGN_HANDLER)
EXPORTS = {EXPORT_CSV: "csv", EXPORT_XLSX: "xlsx"}
# The most requests one action takes (a full work-list page is 25).
MAX_SELECTED = 200


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
        support_request_transition(request_id=request_id, move="assign_handler", actor=user,
                                   data={"handler": handler})


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
