"""Shared builders for the privacy tests: a person with something of
everything the portal can hold about them."""

import pytest
from axes.models import AccessAttempt
from django.core.files.base import ContentFile

from core import outbox
from support.models import RequestAttachment
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory
from tests.factories import UserFactory
from tests.support.factories import MessageFactory, SupportRequestFactory


def failed_sign_in(username: str, ip: str = "192.0.2.10") -> AccessAttempt:
    return AccessAttempt.objects.create(
        username=username, ip_address=ip, user_agent="Testbrowser/1.0", http_accept="*/*", path_info="/konto/logga-in/",
        get_data="", post_data="", failures_since_start=1,
    )


def person_with_data(marker: str, *, official=None, department=None):
    """A user with a request (with messages, an internal note and an
    attachment), an enterprise link, an email and a failed sign-in. Every
    text carries ``marker`` so a test can search for it anywhere."""
    user = UserFactory(username=f"person-{marker}", first_name=f"Förnamn{marker}", last_name=f"Efternamn{marker}",
                       email=f"{marker}@example.org")
    enterprise = EnterpriseFactory(name=f"Kooperativet {marker}")
    RepresentationFactory(user=user, enterprise=enterprise)
    request_kwargs = {"department": department} if department else {}
    support_request = SupportRequestFactory(
        applicant=user, closed=True, subject=f"Ämne {marker}", description=f"Beskrivning {marker}",
        hoped_outcome=f"Hopp {marker}", outcome_reason=f"Motivering {marker}", **request_kwargs,
    )
    MessageFactory(request=support_request, author=user, body=f"Meddelande från sökande {marker}")
    if official is not None:
        MessageFactory(request=support_request, author=official, body=f"Svar från handläggare {marker}")
        MessageFactory(request=support_request, author=official, body=f"Intern anteckning {marker}", is_internal=True)
    attachment = RequestAttachment.objects.create(
        request=support_request, original_name=f"bilaga-{marker}.pdf", content_type="application/pdf", size=20,
        file=ContentFile(f"%PDF-1.4\n{marker}\n".encode(), name="x.pdf"), uploaded_by=user,
    )
    outbox.enqueue(recipient=user.email, subject=f"Kvitto {marker}", body=f"Hej {marker}", kind="receipt", user=user)
    failed_sign_in(user.username)
    return {"user": user, "enterprise": enterprise, "request": support_request, "attachment": attachment}


@pytest.fixture
def make_person(db):
    return person_with_data
