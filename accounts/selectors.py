"""Reads for accounts and the organisation, shaped for their pages."""

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.models import OutboundEmail

from .models import Department, User


def department_list() -> QuerySet[Department]:
    return Department.objects.annotate(member_count=Count("memberships", distinct=True)).order_by(
        "-is_active", "name"
    )


def department_detail_members(*, department: Department) -> QuerySet[User]:
    return User.objects.filter(memberships__department=department, is_active=True).order_by(
        "last_name", "first_name"
    )


def user_departments(*, user: User) -> QuerySet[Department]:
    return Department.objects.filter(memberships__user=user).order_by("name")


HISTORY_ACTIONS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


def history_of(obj, *, limit: int = 200) -> list:
    """The audit history of a tracked object, newest first, with each
    record's changes against the one before it."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    rows = []
    for newer, older in zip(records, records[1:] + [None]):
        if len(rows) == limit:
            break
        changes = []
        if older is not None:
            for change in newer.diff_against(older).changes:
                field = obj._meta.get_field(change.field)
                changes.append({"field": field.verbose_name, "old": change.old, "new": change.new})
        rows.append({"record": newer, "action": HISTORY_ACTIONS.get(newer.history_type, ""), "changes": changes})
    return rows


def notifications_for(*, user: User):
    """The messages the portal sent (or will send) that concern the user:
    to them personally, or to a department they work in."""
    addresses = [user.email] if user.email else []
    addresses += list(
        Department.objects.filter(memberships__user=user).exclude(contact_email="").values_list(
            "contact_email", flat=True
        )
    )
    return OutboundEmail.objects.filter(Q(user=user) | Q(recipient__in=addresses)).order_by("-created_at", "-pk")
