"""Emails about support requests, composed here and handed to the outbox
in one place (``deliver``). They are written in the same transaction as the
change, so they go out once it commits and never for a change that rolled
back (see ``core.outbox``).

The rule is "email the other side": what the applicant does goes to the
municipality (the handler, else the department, else the coordinators), and
what the municipality does goes to the applicant. Internal notes are never
emailed to anyone."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from accounts.models import Department, EmailDelivery, User
from core.outbox import enqueue

from .models import Message, RequestEvent, SupportRequest


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    user: User | None = None


def deliver(*, recipients: list["Recipient"], subject: str, body: str, kind: str, link: str) -> None:
    """The one place that sends: one outbox row per address."""
    seen = set()
    for recipient in recipients:
        if not recipient.email or recipient.email.lower() in seen:
            continue
        seen.add(recipient.email.lower())
        wants_digest = recipient.user is not None and recipient.user.support_email_delivery == EmailDelivery.DIGEST
        enqueue(recipient=recipient.email, subject=subject, body=body, kind=kind, user=recipient.user, link=link,
                hold=wants_digest)


def _user_recipient(user: User | None) -> list[Recipient]:
    if user is None or not user.is_active or not user.email:
        return []
    return [Recipient(user.email, user.preferred_language or settings.LANGUAGE_CODE, user)]


def applicant_side(support_request: SupportRequest) -> list[Recipient]:
    return _user_recipient(support_request.applicant)


def coordinators() -> list[Recipient]:
    users = User.objects.filter(is_policy_coordinator=True, is_active=True).exclude(email="")
    found = [r for user in users for r in _user_recipient(user)]
    if found:
        return found
    office = Department.objects.filter(kind=Department.Kind.KOMMUNSTYRELSEN, is_active=True).first()
    return [Recipient(office.contact_email, settings.LANGUAGE_CODE)] if office else []


def municipal_side(support_request: SupportRequest) -> list[Recipient]:
    """The handler, else the department's address, else the coordinators."""
    if support_request.handler_id:
        handler = _user_recipient(support_request.handler)
        if handler:
            return handler
    if support_request.department_id and support_request.department.contact_email:
        return [Recipient(support_request.department.contact_email, settings.LANGUAGE_CODE)]
    return coordinators()


def _send_each_language(recipients: list[Recipient], template: str, subject: str, context: dict) -> None:
    """Render once per language, so everyone reads their own."""
    support_request = context["support_request"]
    by_language: dict[str, list[Recipient]] = {}
    for recipient in recipients:
        by_language.setdefault(recipient.language, []).append(recipient)
    for language, group in by_language.items():
        with translation.override(language):
            deliver(
                recipients=group,
                subject=f"[{support_request.reference}] {gettext(subject)}",
                body=render_to_string(template, {**context, "site_url": settings.SITE_URL}),
                kind=f"support.{template.rsplit('/', 1)[-1].removesuffix('.txt')}",
                link=f"{settings.SITE_URL}{support_request.get_absolute_url()}",
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
        _send_each_language(applicant_side(support_request), "support/emails/receipt.txt", SUBJECT_RECEIPT, context)
        _send_each_language(coordinators(), "support/emails/staff_notice.txt", SUBJECT_NEW_REQUEST, context)
        return
    if by_applicant:
        _send_each_language(municipal_side(support_request), "support/emails/staff_notice.txt",
                            SUBJECT_STAFF_CHANGED, context)
        return
    _send_each_language(applicant_side(support_request), "support/emails/state_changed.txt", SUBJECT_CHANGED, context)
    if event.move == "assign":
        _send_each_language(municipal_side(support_request), "support/emails/staff_notice.txt", SUBJECT_ASSIGNED,
                            context)


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
    _send_each_language(recipients, "support/emails/new_message.txt", SUBJECT_MESSAGE, context)
