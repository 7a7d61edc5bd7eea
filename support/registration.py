"""Support requests and agreements as registered cases (diarieföring).

A request is registered when it is submitted and an agreement when it is
recorded, in the same transaction; each later step adds a document to the
case's list. The texts written here are what the public list (postlista)
shows, so they are in Swedish and never name a private person or quote the
applicant's own words: the kind of support and, for an organisation, its name.

In a series whose numbers come from the municipality's own diarium nothing
is registered automatically; ``register_request`` with the typed number
then registers the case and lists the documents it already has.

An agreement's case closes when its end date has passed: checked when it is
saved and each day by ``close_ended_agreements`` (the task
``support.tasks.close_ended_agreements``)."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext_noop

from enterprises.registration import organisation_name
from records import services as records
from records.constants import CaseKind, Direction, DocumentKind
from records.models import Registration
from records.texts import in_swedish

from .models import Agreement, AgreementAttachment, Message, RequestAttachment, RequestEvent, SupportRequest

APPLICANT_PARTY = "Sökande"



def request_title(support_request: SupportRequest) -> str:
    title = in_swedish(gettext_noop("Application for support: %(kind)s"), kind=support_request.kind.name)
    organisation = organisation_name(support_request.enterprise)
    return f"{title}, {organisation}" if organisation else title


def applicant_party(support_request: SupportRequest) -> str:
    return organisation_name(support_request.enterprise) or APPLICANT_PARTY


def department_party(support_request: SupportRequest) -> str:
    return support_request.department.name if support_request.department_id else in_swedish(gettext_noop("The municipality"))


def _day(moment: datetime | None) -> date:
    return timezone.localdate(moment) if moment else timezone.localdate()


def series_is_manual() -> bool:
    return records.series_for(CaseKind.SUPPORT_REQUEST).manual


# Support requests -------------------------------------------------------------

def register_request(support_request: SupportRequest, *, by=None, typed_number: str = "") -> Registration | None:
    """Register a submitted request and list the documents it already has
    (the application, its messages, attachments and decisions). In a manual
    series without ``typed_number`` it stays unregistered (None)."""
    existing = records.registration_for(support_request)
    if existing is not None:
        return existing
    if series_is_manual() and not typed_number:
        return None
    registration = records.register(
        support_request, case_kind=CaseKind.SUPPORT_REQUEST, title=request_title(support_request), by=by,
        at=support_request.submitted_at or timezone.now(), typed_number=typed_number,
    )
    _list_existing_documents(registration, support_request)
    if support_request.ended_at is not None:
        records.close(registration, at=support_request.ended_at)
    return registration


def _list_existing_documents(registration: Registration, support_request: SupportRequest) -> None:
    """The request's documents so far, in date order."""
    entries = [(support_request.submitted_at, 0, "application", support_request)]
    questions = set()
    for event in support_request.events.all():
        if event.move in ("request_info", "forward", "decide"):
            entries.append((event.created_at, 1, event.move, event))
            if event.move == "request_info":
                questions.add((event.actor_id, event.comment.strip()))
    for message in support_request.messages.all():
        if (message.author_id, message.body.strip()) in questions and not message.is_internal:
            questions.discard((message.author_id, message.body.strip()))
            continue  # the request for information, listed as such
        entries.append((message.created_at, 2, "message", message))
    for attachment in support_request.attachments.select_related("message"):
        entries.append((attachment.uploaded_at, 3, "attachment", attachment))
    # Nothing comes before the application (a draft's attachments were added before it was sent).
    start = support_request.submitted_at or timezone.now()
    entries.sort(key=lambda entry: (max(entry[0] or start, start), entry[1], entry[3].pk))
    for _when, _order, what, item in entries:
        if what == "application":
            _add_application(registration, support_request)
        elif what == "message":
            _add_message(registration, support_request, item)
        elif what == "attachment":
            _add_attachment(registration, support_request, item)
        else:
            _add_event(registration, support_request, item)


def _add_application(registration, support_request):
    records.add_document(
        registration, kind=DocumentKind.APPLICATION, direction=Direction.INCOMING,
        description=in_swedish(gettext_noop("Application for support")), party=applicant_party(support_request),
        record=support_request, on=_day(support_request.submitted_at),
    )


def _add_message(registration, support_request, message: Message):
    if message.is_internal:
        kind, direction, party, description = (DocumentKind.INTERNAL_NOTE, Direction.INTERNAL,
                                                department_party(support_request), gettext_noop("Internal note"))
    elif message.author_id == support_request.applicant_id:
        kind, direction, party, description = (DocumentKind.MESSAGE, Direction.INCOMING,
                                                applicant_party(support_request), gettext_noop("Message from the applicant"))
    else:
        kind, direction, party, description = (DocumentKind.MESSAGE, Direction.OUTGOING,
                                                applicant_party(support_request), gettext_noop("Message to the applicant"))
    records.add_document(registration, kind=kind, direction=direction, description=in_swedish(description),
                         party=party, record=message, on=_day(message.created_at))


def _add_attachment(registration, support_request, attachment: RequestAttachment):
    if attachment.is_internal:
        direction, party = Direction.INTERNAL, department_party(support_request)
    elif attachment.uploaded_by_id == support_request.applicant_id:
        direction, party = Direction.INCOMING, applicant_party(support_request)
    else:
        direction, party = Direction.OUTGOING, applicant_party(support_request)
    records.add_document(registration, kind=DocumentKind.ATTACHMENT, direction=direction,
                         description=in_swedish(gettext_noop("Attachment")), party=party, record=attachment,
                         on=_day(attachment.uploaded_at))


def _add_event(registration, support_request, event: RequestEvent):
    if event.move == "request_info":
        records.add_document(registration, kind=DocumentKind.REQUEST_FOR_INFORMATION, direction=Direction.OUTGOING,
                             description=in_swedish(gettext_noop("Request for more information")),
                             party=applicant_party(support_request), record=event, on=_day(event.created_at))
    elif event.move == "forward":
        records.add_document(registration, kind=DocumentKind.FORWARDING, direction=Direction.OUTGOING,
                             description=in_swedish(gettext_noop("Request forwarded to an external partner")),
                             party=support_request.forwarded_to, record=event, on=_day(event.created_at))
    elif event.move == "decide":
        records.add_document(registration, kind=DocumentKind.DECISION, direction=Direction.OUTGOING,
                             description=in_swedish(gettext_noop("Decision on the application")),
                             party=applicant_party(support_request), record=event, on=_day(event.created_at))


def request_moved(support_request: SupportRequest, event: RequestEvent) -> None:
    """After a workflow move (called by ``support.workflow`` in its transaction)."""
    if event.move == "submit":
        register_request(support_request)  # by the portal itself, not by the applicant
        return
    registration = records.registration_for(support_request)
    if registration is None:
        return
    if event.move in ("request_info", "forward", "decide"):
        _add_event(registration, support_request, event)
    if event.move in ("close", "withdraw"):
        records.close(registration, at=support_request.ended_at)


def message_posted(support_request: SupportRequest, message: Message, attachments) -> None:
    """After ``services.message_post``: the message or note, then its attachments."""
    registration = records.registration_for(support_request)
    if registration is None:
        return
    _add_message(registration, support_request, message)
    for attachment in attachments:
        _add_attachment(registration, support_request, attachment)


# Agreements -------------------------------------------------------------------

def agreement_title(agreement: Agreement) -> str:
    title = in_swedish(gettext_noop("Agreement: %(kind)s, %(department)s"), kind=_kind_label(agreement),
                       department=agreement.department.name)
    organisation = organisation_name(agreement.enterprise)
    return f"{title}, {organisation}" if organisation else title


def _kind_label(agreement: Agreement) -> str:
    return in_swedish(str(agreement.get_kind_display()))


def _enterprise_party(agreement: Agreement) -> str:
    return organisation_name(agreement.enterprise) or in_swedish(gettext_noop("The enterprise"))


def register_agreement(agreement: Agreement, *, by=None, typed_number: str = "") -> Registration | None:
    """Register a recorded agreement with its attachments; close it if it has ended."""
    existing = records.registration_for(agreement)
    if existing is not None:
        return existing
    if records.series_for(CaseKind.AGREEMENT).manual and not typed_number:
        return None
    registration = records.register(agreement, case_kind=CaseKind.AGREEMENT, title=agreement_title(agreement),
                                    by=by, at=agreement.created_at or timezone.now(), typed_number=typed_number)
    records.add_document(registration, kind=DocumentKind.AGREEMENT, direction=Direction.OUTGOING,
                         description=in_swedish(gettext_noop("Agreement")), party=_enterprise_party(agreement), record=agreement,
                         on=_day(agreement.created_at))
    for attachment in agreement.attachments.all():
        agreement_attachment_added(agreement, attachment, registration=registration)
    agreement_dates_changed(agreement, registration=registration)
    return registration


def agreement_attachment_added(agreement: Agreement, attachment: AgreementAttachment, *, registration=None) -> None:
    registration = registration or records.registration_for(agreement)
    if registration is None:
        return
    records.add_document(registration, kind=DocumentKind.AGREEMENT_ATTACHMENT, direction=Direction.OUTGOING,
                         description=in_swedish(gettext_noop("Attachment to the agreement")), party=_enterprise_party(agreement),
                         record=attachment, on=_day(attachment.uploaded_at))


def agreement_ended_at(agreement: Agreement) -> datetime | None:
    """The end of the agreement's last day, once it has passed."""
    if agreement.end_date is None or agreement.end_date >= timezone.localdate():
        return None
    return timezone.make_aware(datetime.combine(agreement.end_date, datetime.max.time()))


def agreement_dates_changed(agreement: Agreement, *, registration=None) -> None:
    """Close the case once the agreement has ended; reopen it if its end
    date is moved into the future again."""
    registration = registration or records.registration_for(agreement)
    if registration is None:
        return
    ended_at = agreement_ended_at(agreement)
    if ended_at is None:
        if registration.closed_at is not None:
            records.reopen(registration)
    elif registration.closed_at is None:
        records.close(registration, at=ended_at)


def close_ended_agreements(today: date | None = None) -> int:
    """Daily: close the cases of agreements whose end date has passed.
    Returns how many were closed."""
    from django.contrib.contenttypes.models import ContentType

    today = today or timezone.localdate()
    open_ids = Registration.objects.filter(
        case_type=ContentType.objects.get_for_model(Agreement), closed_at__isnull=True
    ).values("case_id")
    closed = 0
    for agreement in Agreement.objects.filter(pk__in=open_ids, end_date__lt=today).only("pk", "end_date"):
        registration = records.registration_for(agreement)
        records.close(registration, at=timezone.make_aware(datetime.combine(agreement.end_date, datetime.max.time())))
        closed += 1
    return closed


# Existing cases -----------------------------------------------------------------

def register_existing(*, by=None) -> int:
    """Register every submitted request and every agreement that has no
    number yet, oldest first (demo data, and cases from before a manual
    series was switched to the portal's own numbers). Returns how many."""
    cases = [
        (r.submitted_at, r) for r in SupportRequest.objects.exclude(submitted_at=None).select_related(
            "kind", "enterprise", "department")
    ] + [(a.created_at, a) for a in Agreement.objects.select_related("department", "enterprise")]
    registered = 0
    for _when, case in sorted(cases, key=lambda pair: (pair[0], pair[1]._meta.label, pair[1].pk)):
        if records.registration_for(case) is not None:
            continue
        registration = (register_request(case, by=by) if isinstance(case, SupportRequest)
                        else register_agreement(case, by=by))
        registered += registration is not None
    return registered
