"""Emails about support requests, sent through ``core.notifications``. They
are written in the same transaction as the change, so they go out once it
commits and never for a change that rolled back (see ``core.outbox``).

The rule is "email the other side": what the applicant does goes to the
municipality (the handler, else the department, else the coordinators), and
what the municipality does goes to the applicant. Internal notes are never
emailed to anyone. Users who chose a daily summary get these held for it."""

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

from accounts.recipients import address, coordinators, user_recipients
from core.notifications import Recipient, notify
from records.selectors import registration_of

from .models import Message, RequestEvent, SupportRequest


def applicant_side(support_request: SupportRequest) -> list[Recipient]:
    return user_recipients([support_request.applicant])


def handling_side(support_request: SupportRequest) -> list[Recipient]:
    """Who handles the request: its handler, else its department's address
    (empty while nobody does)."""
    handler = user_recipients([support_request.handler]) if support_request.handler_id else []
    if handler or not support_request.department_id:
        return handler
    return address(support_request.department.contact_email)


def municipal_side(support_request: SupportRequest) -> list[Recipient]:
    """The handling side, else the coordinators."""
    return handling_side(support_request) or coordinators()


def _send(recipients: list[Recipient], template: str, subject: str, context: dict) -> None:
    """Rendered once per language, so everyone reads their own."""
    support_request = context["support_request"]
    registration = registration_of(support_request)  # the case's number (records), where it has one
    notify(
        recipients,
        template=template,
        context={**context, "site_url": settings.SITE_URL,
                 "registration_number": registration.number if registration else ""},
        subject=lambda: f"[{support_request.reference}] {gettext(subject)}",
        kind=f"support.{template.rsplit('/', 1)[-1].removesuffix('.txt')}",
        link=f"{settings.SITE_URL}{support_request.get_absolute_url()}",
        digest=True,
    )


def _load_request(pk: int) -> SupportRequest:
    return SupportRequest.objects.select_related("applicant", "department", "handler", "kind", "enterprise").get(pk=pk)


# Subjects are marked for translation here and translated per recipient.
SUBJECT_RECEIPT = gettext_noop("We have received your support request")
SUBJECT_NEW_REQUEST = gettext_noop("New support request to triage")
SUBJECT_CHANGED = gettext_noop("Your support request has been updated")
SUBJECT_STAFF_CHANGED = gettext_noop("A support request has been updated")
SUBJECT_ASSIGNED = gettext_noop("A support request has been assigned to you")
SUBJECT_MESSAGE = gettext_noop("New message about a support request")


def notify_event(*, event_id: int) -> None:
    event = RequestEvent.objects.select_related("actor").get(pk=event_id)
    support_request = _load_request(event.request_id)
    context = {"support_request": support_request, "event": event}
    by_applicant = event.actor_id == support_request.applicant_id
    if event.move == "submit":
        _send(applicant_side(support_request), "support/emails/receipt.txt", SUBJECT_RECEIPT, context)
        _send(coordinators(), "support/emails/staff_notice.txt", SUBJECT_NEW_REQUEST, context)
        return
    if by_applicant:
        _send(municipal_side(support_request), "support/emails/staff_notice.txt", SUBJECT_STAFF_CHANGED, context)
        return
    _send(applicant_side(support_request), "support/emails/state_changed.txt", SUBJECT_CHANGED, context)
    if event.move in ("assign", "assign_handler"):  # the coordinator's, or a colleague in the department
        _send(municipal_side(support_request), "support/emails/staff_notice.txt", SUBJECT_ASSIGNED, context)


def notify_message(*, message_id: int) -> None:
    message = Message.objects.select_related("author").get(pk=message_id)
    if message.is_internal:
        return  # internal notes stay inside the municipality's pages
    support_request = _load_request(message.request_id)
    if message.author_id == support_request.applicant_id:
        recipients = municipal_side(support_request)
    else:
        recipients = applicant_side(support_request)
    context = {"support_request": support_request, "message": message}
    _send(recipients, "support/emails/new_message.txt", SUBJECT_MESSAGE, context)
