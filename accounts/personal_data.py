"""The accounts part of a person's data download (GDPR art. 15 and 20):
their account, memberships, the emails sent to them and their sign-in
records. ``sotenas_portal.privacy`` puts it together with the other apps'
parts into the archive.

Each section selects by the user's own id, username or email address only,
so another person's data can never end up in the download.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db.models import Q

from core.models import OutboundEmail

from .models import User


def when(value):
    """A date or time as the download writes it (ISO 8601, or null)."""
    return value.isoformat() if value else None


def _account(user: User) -> dict:
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "preferred_language": user.preferred_language,
        "support_email_delivery": user.support_email_delivery,
        "is_policy_coordinator": user.is_policy_coordinator,
        "is_system_administrator": user.is_superuser,
        "date_joined": when(user.date_joined),
        "last_login": when(user.last_login),
    }


def _memberships(user: User) -> list[dict]:
    return [
        {"department": m.department.name, "since": when(m.created_at)}
        for m in user.memberships.select_related("department").order_by("created_at", "pk")
    ]


def _emails(user: User) -> list[dict]:
    addressed = Q(user=user)
    if user.email:
        addressed |= Q(recipient__iexact=user.email)
    return [
        {"to": e.recipient, "subject": e.subject, "text": e.body, "status": e.status,
         "created_at": when(e.created_at), "sent_at": when(e.sent_at)}
        for e in OutboundEmail.objects.filter(addressed).order_by("created_at", "pk")
    ]


def _login_records(user: User) -> list[dict]:
    records = []
    for model, kind, time_field in ((AccessAttempt, "failed_attempts", "attempt_time"),
                                    (AccessFailureLog, "failure", "attempt_time"),
                                    (AccessLog, "sign_in", "attempt_time")):
        for row in model.objects.filter(username=user.username).order_by(time_field):
            records.append({"kind": kind, "at": when(getattr(row, time_field)), "ip_address": row.ip_address,
                            "user_agent": row.user_agent})
    return records


def export_account(user: User) -> dict:
    """The account itself and the departments the person belongs to."""
    return {"account": _account(user), "memberships": _memberships(user)}


def export_account_records(user: User) -> dict:
    """What the portal recorded about the account: emails and sign-ins."""
    return {"emails": _emails(user), "sign_in_records": _login_records(user)}
