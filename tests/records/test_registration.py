"""Registration (diarieföring) of support requests: the number on
submission, the document list as the request moves, manual series with the
typed-in number, the number on the pages, in the e-mails and the exports."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from records.constants import CaseKind, Direction, DocumentKind
from records.models import Registration, Series, SeriesUse
from records.services import registration_for
from support.constants import Outcome
from support.services import message_post, support_request_apply
from support.workflow import support_request_transition
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory
from tests.support.factories import SupportRequestFactory, support_kind

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SUBJECT = "Hjälp till Anna Svensson med kooperativet"


def pdf(name="budget.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def submit(applicant, *, enterprise=None, attachments=(), subject=SUBJECT):
    return support_request_apply(
        applicant=applicant, submit=True, kind=support_kind(), enterprise=enterprise, subject=subject,
        description="Vi är fyra som vill starta.", hoped_outcome="Råd om föreningsformen.",
        attachments=attachments,
    )


def year():
    return timezone.localdate().year


@pytest.fixture
def applicant(user_for):
    return user_for("representative")


def handled(support_request, official, department):
    coordinator = type(official).objects.filter(is_policy_coordinator=True).first()
    support_request_transition(request_id=support_request.pk, move="assign", actor=coordinator,
                               data={"department": department, "handler": official})
    support_request_transition(request_id=support_request.pk, move="start", actor=official)


def make_manual():
    series = Series.objects.get(prefix="KS")
    series.manual = True
    series.save()
    return series


def test_submitting_registers_the_request_in_the_ks_series(applicant):
    support_request = submit(applicant, attachments=[pdf()])
    registration = registration_for(support_request)
    assert registration.number == f"KS {year()}/0001"
    assert registration.case_kind == CaseKind.SUPPORT_REQUEST
    assert registration.title == f"Ansökan om stöd: {support_request.kind.name}"
    assert applicant.last_name not in registration.title and "Anna Svensson" not in registration.title
    assert support_request.reference.startswith("STOD-"), "the applicant's reference stays"
    documents = list(registration.documents.order_by("position"))
    assert [(d.position, d.kind, d.direction, d.party) for d in documents] == [
        (1, DocumentKind.APPLICATION, Direction.INCOMING, "Sökande"),
        (2, DocumentKind.ATTACHMENT, Direction.INCOMING, "Sökande"),
    ]
    assert documents[0].record == support_request
    assert documents[1].record == support_request.attachments.get()


def test_numbers_follow_each_other_and_a_draft_gets_none(applicant):
    first, second = submit(applicant), submit(applicant, subject="Andra")
    draft = SupportRequestFactory(applicant=applicant)
    assert [registration_for(r).number for r in (first, second)] == [f"KS {year()}/0001", f"KS {year()}/0002"]
    assert registration_for(draft) is None


def test_an_organisation_is_named_in_the_title_and_as_party(applicant):
    enterprise = EnterpriseFactory(name="Smögens Återbruk ek. för.")
    RepresentationFactory(user=applicant, enterprise=enterprise)
    registration = registration_for(submit(applicant, enterprise=enterprise))
    assert registration.title.endswith(", Smögens Återbruk ek. för.")
    assert registration.documents.get().party == "Smögens Återbruk ek. för."


def test_an_enterprise_of_another_legal_form_is_not_named(applicant):
    enterprise = EnterpriseFactory(name="Anna Svenssons firma", legal_form="other")
    RepresentationFactory(user=applicant, enterprise=enterprise)
    registration = registration_for(submit(applicant, enterprise=enterprise))
    assert "Anna" not in registration.title
    assert registration.documents.get().party == "Sökande"


def test_the_document_list_follows_the_request(applicant, user_for, department):
    official = user_for("official")
    user_for("coordinator")
    support_request = submit(applicant)
    handled(support_request, official, department)
    message_post(support_request=support_request, author=official, body="Hej! Vi ses på tisdag.")
    message_post(support_request=support_request, author=official, body="Ring AF.", internal=True,
                 attachments=[pdf("intern.pdf")])
    support_request_transition(request_id=support_request.pk, move="request_info", actor=official,
                               comment="Skicka budgeten.", data={"reply_by": timezone.localdate() + timedelta(7)})
    message_post(support_request=support_request, author=applicant, body="Här är den.", attachments=[pdf()])
    support_request_transition(request_id=support_request.pk, move="forward", actor=official,
                               data={"forwarded_to": "Arbetsförmedlingen", "forwarded_on": timezone.localdate()})
    support_request_transition(request_id=support_request.pk, move="record_answer", actor=official,
                               data={"forward_answer": "Ja.", "forward_answered_on": timezone.localdate()})
    support_request_transition(request_id=support_request.pk, move="decide", actor=official,
                               data={"outcome": Outcome.GRANTED, "outcome_reason": "Vi hjälper till."})
    registration = registration_for(support_request)
    assert registration.closed_at is None
    support_request_transition(request_id=support_request.pk, move="close", actor=official)

    registration.refresh_from_db()
    rows = [(d.kind, d.direction, d.party) for d in registration.documents.order_by("position")]
    assert rows == [
        (DocumentKind.APPLICATION, Direction.INCOMING, "Sökande"),
        (DocumentKind.MESSAGE, Direction.OUTGOING, "Sökande"),
        (DocumentKind.INTERNAL_NOTE, Direction.INTERNAL, department.name),
        (DocumentKind.ATTACHMENT, Direction.INTERNAL, department.name),
        (DocumentKind.REQUEST_FOR_INFORMATION, Direction.OUTGOING, "Sökande"),
        (DocumentKind.MESSAGE, Direction.INCOMING, "Sökande"),
        (DocumentKind.ATTACHMENT, Direction.INCOMING, "Sökande"),
        (DocumentKind.FORWARDING, Direction.OUTGOING, "Arbetsförmedlingen"),
        (DocumentKind.DECISION, Direction.OUTGOING, "Sökande"),
    ]
    descriptions = " ".join(registration.documents.values_list("description", flat=True))
    for content in ("Hej!", "Ring AF", "budgeten", "Här är den", "Vi hjälper till", "intern.pdf"):
        assert content not in descriptions, "the list never quotes the content"
    assert registration.closed_at is not None


def test_withdrawing_closes_the_case(applicant):
    support_request = submit(applicant)
    support_request_transition(request_id=support_request.pk, move="withdraw", actor=applicant)
    assert registration_for(support_request).closed_at is not None


def test_a_refused_submission_registers_nothing(applicant):
    kind = support_kind("lokaler")
    kind.is_active = False
    kind.save()
    draft = SupportRequestFactory(applicant=applicant, kind=kind)
    with pytest.raises(ValidationError):
        support_request_transition(request_id=draft.pk, move="submit", actor=applicant)
    assert not Registration.objects.exists()
    assert registration_for(submit(applicant)).number == f"KS {year()}/0001", "no number was lost"


def test_the_series_of_each_kind_is_configurable(applicant):
    series = Series.objects.create(prefix="SOC", name="Socialnämnden", number_format="{prefix}-{year}-{number:03d}")
    SeriesUse.objects.filter(case_kind=CaseKind.SUPPORT_REQUEST).update(series=series)
    assert registration_for(submit(applicant)).number == f"SOC-{year()}-001"


# The pages ----------------------------------------------------------------------

def test_the_number_shows_to_the_applicant_and_staff_and_the_list_to_staff_only(client_as, applicant, user_for,
                                                                                department):
    official = user_for("official")
    user_for("coordinator")
    support_request = submit(applicant)
    handled(support_request, official, department)
    number = registration_for(support_request).number
    url = reverse("support:request_detail", kwargs={"pk": support_request.pk})
    for role in ("representative", "official"):
        html = client_as(role).get(url).content.decode()
        assert "Diarienummer" in html and number in html
        assert support_request.reference in html
    assert "Handlingar i ärendet" in client_as("official").get(url).content.decode()
    assert "Handlingar i ärendet" not in client_as("representative").get(url).content.decode()
    client = client_as("official")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(url).content.decode()
    assert "Registration number" in english and "Documents in the case" in english


def test_the_text_export_carries_the_number(client_as, applicant):
    support_request = submit(applicant)
    text = client_as("representative").get(reverse("support:request_export", kwargs={"pk": support_request.pk}))
    assert f"Diarienummer: {registration_for(support_request).number}" in text.content.decode()


def test_the_emails_carry_the_number(applicant, user_for, django_capture_on_commit_callbacks):
    user_for("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        support_request = submit(applicant)
    number = registration_for(support_request).number
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert f"Diarienummer: {number}" in message.body
        assert support_request.reference in message.subject


def test_the_worklist_export_has_a_registration_number_column(client_as, applicant, user_for):
    support_request = submit(applicant)
    SupportRequestFactory(submitted=True)  # made without the workflow: no number
    response = client_as("coordinator").get(reverse("support:worklist_export_csv"))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0][-1] == "Diarienummer"
    numbers = {row[0]: row[-1] for row in rows[1:]}
    assert numbers[support_request.reference] == registration_for(support_request).number
    assert "" in numbers.values()


# A series with numbers from the municipality's own diarium ---------------------

def register_url(support_request):
    return reverse("support:request_register", kwargs={"pk": support_request.pk})


def test_in_a_manual_series_the_request_waits_for_its_typed_number(client_as, applicant, user_for):
    make_manual()
    support_request = submit(applicant)
    assert registration_for(support_request) is None
    url = reverse("support:request_detail", kwargs={"pk": support_request.pk})
    staff_page = client_as("coordinator").get(url).content.decode()
    assert "Inte registrerat än" in staff_page and 'name="number"' in staff_page
    applicant_page = client_as("representative").get(url).content.decode()
    assert "Inte registrerat än" in applicant_page and 'name="number"' not in applicant_page


@pytest.mark.parametrize("typed,message", [
    ("", "Det här fältet måste fyllas i."),
    ("2026-42", "ser inte ut som ett diarienummer i serien KS"),
    ("KS 2026", "ser inte ut som ett diarienummer i serien KS"),
])
def test_a_badly_typed_number_is_refused_in_swedish(client_as, applicant, typed, message):
    make_manual()
    support_request = submit(applicant)
    response = client_as("coordinator").post(register_url(support_request), {"number": typed})
    assert response.status_code == 200  # the form again, with its message
    assert message in response.content.decode()
    assert registration_for(support_request) is None


def test_a_number_already_used_is_refused(client_as, applicant):
    make_manual()
    first, second = submit(applicant), submit(applicant, subject="Andra")
    assert client_as("coordinator").post(register_url(first), {"number": "KS 2026/117"}).status_code == 302
    response = client_as("coordinator").post(register_url(second), {"number": " KS  2026/117 "})
    assert response.status_code == 200  # the form again, with its message
    assert "Diarienumret KS 2026/117 används redan." in response.content.decode()
    assert registration_for(second) is None


def test_the_typed_number_registers_the_case_with_its_documents(client_as, applicant, user_for, department):
    make_manual()
    support_request = submit(applicant, attachments=[pdf()])
    message_post(support_request=support_request, author=applicant, body="Tillägg.")
    response = client_as("coordinator").post(register_url(support_request), {"number": "KS 2026/117"})
    assert response.status_code == 302
    registration = registration_for(support_request)
    assert registration.number == "KS 2026/117" and registration.sequence is None
    assert registration.registered_by == user_for("coordinator")
    assert [d.kind for d in registration.documents.order_by("position")] == [
        DocumentKind.APPLICATION, DocumentKind.ATTACHMENT, DocumentKind.MESSAGE,
    ]
    page = client_as("coordinator").get(reverse("support:request_detail", kwargs={"pk": support_request.pk}))
    assert "KS 2026/117" in page.content.decode() and 'name="number"' not in page.content.decode()


def test_only_the_handling_side_types_a_number(client_as, applicant):
    make_manual()
    support_request = submit(applicant)
    for role in ("representative", "records_manager", "anonymous"):
        response = client_as(role).post(register_url(support_request), {"number": "KS 2026/1"})
        assert response.status_code in (302, 403) and (role != "anonymous" or "logga-in" in response["Location"])
    assert registration_for(support_request) is None


def test_no_typed_number_in_a_series_the_portal_numbers(client_as, applicant):
    support_request = SupportRequestFactory(submitted=True)
    response = client_as("coordinator").post(register_url(support_request), {"number": "KS 2026/5"})
    assert response.status_code == 200  # the form again, with its message
    assert registration_for(support_request) is None
