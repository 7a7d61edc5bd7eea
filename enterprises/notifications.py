"""Emails about definition checks, written to the outbox in the same
transaction as the change (so they go out once it commits, and never for a
change that rolled back)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from accounts.models import User

from core.outbox import enqueue

from .models import DefinitionCheck, Representation


def _send(users, template: str, context: dict) -> None:
    for user in users:
        if not user.email:
            continue
        with translation.override(user.preferred_language):
            subject = render_to_string(f"enterprises/emails/{template}_subject.txt", context).strip()
            body = render_to_string(f"enterprises/emails/{template}.txt", {**context, "recipient": user})
        enqueue(recipient=user.email, subject=subject, body=body, kind=f"enterprises.{template}", user=user,
                link=context["url"])


def notify_check_moved(*, check_id: int, action: str) -> None:
    check = DefinitionCheck.objects.select_related("enterprise").get(pk=check_id)
    context = {
        "check": check,
        "enterprise": check.enterprise,
        "url": settings.SITE_URL + check.enterprise.get_absolute_url(),
    }
    if action == "submit":
        coordinators = User.objects.filter(is_policy_coordinator=True, is_active=True)
        _send(coordinators, "check_submitted", context)
    else:
        representatives = User.objects.filter(
            representations__enterprise=check.enterprise,
            representations__status=Representation.Status.CONFIRMED,
            is_active=True,
        )
        _send(representatives, "check_info_requested" if action == "request_info" else "check_decided", context)
