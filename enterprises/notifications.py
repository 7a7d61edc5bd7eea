"""Emails about definition checks, sent through ``core.notifications`` in
the same transaction as the change (so they go out once it commits, and
never for a change that rolled back). A submitted check goes to the
coordinators; the answer goes to the enterprise's confirmed representatives."""

from django.conf import settings

from accounts.models import User
from accounts.recipients import coordinators, user_recipients
from core.notifications import Recipient, notify

from .models import DefinitionCheck, Representation


def _send(recipients: list[Recipient], template: str, context: dict) -> None:
    notify(recipients, template=f"enterprises/emails/{template}.txt", context=context,
           kind=f"enterprises.{template}", link=context["url"], personal=True)


def _representatives(check: DefinitionCheck) -> list[Recipient]:
    return user_recipients(User.objects.filter(
        representations__enterprise=check.enterprise,
        representations__status=Representation.Status.CONFIRMED,
        is_active=True,
    ))


def notify_check_moved(*, check_id: int, action: str) -> None:
    check = DefinitionCheck.objects.select_related("enterprise").get(pk=check_id)
    context = {
        "check": check,
        "enterprise": check.enterprise,
        "url": settings.SITE_URL + check.enterprise.get_absolute_url(),
    }
    if action == "submit":
        _send(coordinators(), "check_submitted", context)
    else:
        template = "check_info_requested" if action == "request_info" else "check_decided"
        _send(_representatives(check), template, context)
