"""Registered, closed cases for the e-archive export tests, built through
the records services (as the domain apps' hooks do)."""

from datetime import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from records import services
from records.constants import CaseKind, Direction, DocumentKind
from support.models import RequestAttachment
from tests.support.factories import MessageFactory, SupportRequestFactory

CLOSED_ON = timezone.make_aware(datetime(2025, 6, 12, 14, 30))


def closed_support_case(*, department=None, closed_at=CLOSED_ON, subject="Arbetsträning i caféet",
                        with_attachment=True):
    """A closed support request with its application, a message from the
    handler, an internal note and (optionally) a PDF attachment on its list."""
    fields = {"department": department} if department is not None else {}
    request = SupportRequestFactory(closed=True, subject=subject, **fields)
    registration = services.register(request, case_kind=CaseKind.SUPPORT_REQUEST, title="Stöd till arbetsträning",
                                     at=closed_at.replace(month=3))
    services.add_document(registration, kind=DocumentKind.APPLICATION, direction=Direction.INCOMING,
                          description="Ansökan om stöd", party="Sökande organisation", record=request)
    reply = MessageFactory(request=request, author=None, body="Vi kan erbjuda två platser.")
    services.add_document(registration, kind=DocumentKind.MESSAGE, direction=Direction.OUTGOING,
                          description="Svar till sökanden", party="Sökanden", record=reply)
    note = MessageFactory(request=request, author=None, body="Stäm av med Arbetsförmedlingen.", is_internal=True)
    services.add_document(registration, kind=DocumentKind.INTERNAL_NOTE, direction=Direction.INTERNAL,
                          description="Intern anteckning", record=note)
    attachment = None
    if with_attachment:
        attachment = RequestAttachment.objects.create(
            request=request, original_name="Budget 2025.pdf", content_type="application/pdf", size=9,
            file=ContentFile(b"%PDF-1.4\n", name="budget.pdf"),
        )
        services.add_document(registration, kind=DocumentKind.ATTACHMENT, direction=Direction.INCOMING,
                              description="Budget", party="Sökande organisation", record=attachment)
    services.add_document(registration, kind=DocumentKind.DECISION, direction=Direction.OUTGOING,
                          description="Beslut om stöd", party="Sökanden")
    services.close(registration, at=closed_at)
    registration.refresh_from_db()
    return registration, {"request": request, "reply": reply, "note": note, "attachment": attachment}
