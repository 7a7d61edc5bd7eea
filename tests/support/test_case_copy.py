"""Marking a request's items secret through its pages, and the copy of the
case for a public-records request: secret items are left out of the PDF and
of every ZIP member, with a note citing the provision, and each copy is
logged. Only the request's handling staff may do either."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from records.constants import CaseKind, Direction, DocumentKind
from records.models import CaseCopy, SecrecyMark
from records.secrecy import mark, standing_marks
from records.services import add_document, register
from support.models import RequestAttachment
from tests.factories import DepartmentFactory, UserFactory
from tests.support.factories import MessageFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db

SECRET_MESSAGE = "Deltagaren Kalle har epilepsi och behöver anpassade arbetstider."
SECRET_FILE_NAME = "läkarintyg-kalle.pdf"
SECRET_DESCRIPTION = "Vår kalkyl visar en marginal på 4,2 procent mot konkurrenten."
PUBLIC_MESSAGE = "Vi har en handledare på plats från och med juni."
PUBLIC_FILE_NAME = "budget.pdf"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SECRET_FILE_BYTES = b"%PDF-1.4\n% hemligt intyg om Kalle\n%%EOF\n"


@pytest.fixture
def case(user_for):
    """A registered request at the official's department with a secret
    message, a secret attachment and a secret description, and a public
    message and attachment."""
    applicant, official = user_for("representative"), user_for("official")
    support_request = SupportRequestFactory(
        applicant=applicant, department=official.departments.first(), in_progress=True,
        subject="Arbetsträning i caféet", description=SECRET_DESCRIPTION,
    )
    registration = register(support_request, case_kind=CaseKind.SUPPORT_REQUEST, title="Ansökan om stöd",
                            by=applicant)
    public = MessageFactory(request=support_request, author=applicant, body=PUBLIC_MESSAGE)
    secret = MessageFactory(request=support_request, author=official, body=SECRET_MESSAGE, is_internal=True)
    public_file = RequestAttachment.objects.create(
        request=support_request, message=public, original_name=PUBLIC_FILE_NAME, content_type="application/pdf",
        size=len(PDF_BYTES), file=ContentFile(PDF_BYTES, name="a.pdf"), uploaded_by=applicant,
    )
    secret_file = RequestAttachment.objects.create(
        request=support_request, original_name=SECRET_FILE_NAME, content_type="application/pdf",
        size=len(SECRET_FILE_BYTES), file=ContentFile(SECRET_FILE_BYTES, name="b.pdf"), uploaded_by=applicant,
    )
    add_document(registration, kind=DocumentKind.APPLICATION, direction=Direction.INCOMING,
                 description="Ansökan om stöd", party="Sökande", record=support_request)
    add_document(registration, kind=DocumentKind.MESSAGE, direction=Direction.INTERNAL,
                 description=f"Intern anteckning: {SECRET_MESSAGE[:60]}", party="Handläggare", record=secret)
    return {"request": support_request, "registration": registration, "secret": secret, "public": public,
            "secret_file": secret_file, "public_file": public_file, "official": official}


def mark_all(case):
    official = case["official"]
    mark(case["registration"], case["secret"], provision="OSL 21 kap. 1 §", reason="Hälsa.", by=official)
    mark(case["registration"], case["secret_file"], provision="OSL 21 kap. 1 §", reason="Intyg.", by=official)
    mark(case["registration"], case["request"], field_name="description", provision="OSL 31 kap. 16 §",
         reason="Affärsförhållanden.", by=official)


def copy_url(case):
    return reverse("support:request_copy", kwargs={"pk": case["request"].pk})


def mark_url(case):
    return reverse("support:request_secrecy_mark", kwargs={"pk": case["request"].pk})


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def zip_members(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def download(client, case, **data) -> bytes:
    response = client.post(copy_url(case), {"format": "pdf", "include_internal": "on", "note": "", **data})
    assert response.status_code == 200, response.content[:500]
    return b"".join(response.streaming_content)


# The copy -----------------------------------------------------------------------------

def test_the_pdf_leaves_out_the_secret_message_attachment_and_field_and_says_so(client_as, case):
    mark_all(case)
    text = pdf_text(download(client_as("official"), case, format="pdf", note="En journalist"))
    flat = " ".join(text.split())
    assert SECRET_MESSAGE[:30] not in flat and "epilepsi" not in flat and "Kalle" not in flat
    assert SECRET_FILE_NAME not in flat and "läkarintyg" not in flat
    assert "4,2 procent" not in flat
    assert "Uppgift sekretessbelagd enligt OSL 21 kap. 1 §" in flat
    assert "Uppgift sekretessbelagd enligt OSL 31 kap. 16 §" in flat
    # the public parts are there, with the registration number and the documents
    assert PUBLIC_MESSAGE in flat and PUBLIC_FILE_NAME in flat
    assert case["registration"].number in flat and "Ansökan om stöd" in flat
    assert "Utelämnat ur denna kopia" in flat and "Begärd av: En journalist" in flat


def test_the_zip_leaves_them_out_of_every_member_and_lists_them(client_as, case):
    mark_all(case)
    members = zip_members(download(client_as("official"), case, format="zip"))
    assert set(members) == {"arende.txt", "forteckning.txt", "bilagor/01-budget.pdf"}
    assert members["bilagor/01-budget.pdf"] == PDF_BYTES
    for name, content in members.items():
        assert b"epilepsi" not in content and b"Kalle" not in content, name
        assert "läkarintyg".encode() not in content and SECRET_FILE_BYTES not in content, name
        assert b"4,2 procent" not in content, name
    listing = members["forteckning.txt"].decode()
    assert listing.count("Uppgift sekretessbelagd enligt OSL 21 kap. 1 §") == 2
    assert "Beskrivning: Uppgift sekretessbelagd enligt OSL 31 kap. 16 §" in listing
    case_text = members["arende.txt"].decode()
    assert PUBLIC_MESSAGE in case_text
    assert "[Uppgift sekretessbelagd enligt OSL 21 kap. 1 §]" in case_text


def test_each_copy_is_logged_with_who_when_format_and_count(client_as, case):
    mark_all(case)
    client = client_as("official")
    download(client, case, format="pdf", note="Göteborgs-Posten")
    download(client, case, format="zip")
    copies = list(CaseCopy.objects.order_by("pk"))
    assert [(c.format, c.masked_items, c.note, c.produced_by) for c in copies] == [
        ("pdf", 3, "Göteborgs-Posten", case["official"]), ("zip", 3, "", case["official"]),
    ]
    page = client.get(copy_url(case)).content.decode()
    assert "Göteborgs-Posten" in page and "Framställda kopior" in page


def test_without_marks_the_copy_is_complete(client_as, case):
    text = " ".join(pdf_text(download(client_as("coordinator"), case)).split())
    assert "epilepsi" in text and "4,2 procent" in text
    assert "Inget är sekretessbelagt; kopian är fullständig." in text
    assert CaseCopy.objects.get().masked_items == 0


def test_internal_notes_can_be_left_out(client_as, case):
    members = zip_members(download(client_as("official"), case, format="zip", include_internal=""))
    text = members["arende.txt"].decode()
    assert "epilepsi" not in text and "Intern anteckning" not in text
    assert SECRET_FILE_NAME in text  # not internal, not marked: released
    assert PUBLIC_MESSAGE in text and "Ärendets interna anteckningar ingår inte." in text


def test_a_secret_message_takes_its_attachments_with_it(client_as, case):
    mark(case["registration"], case["public"], provision="OSL 26 kap. 1 §", reason="Socialtjänst.",
         by=case["official"])
    members = zip_members(download(client_as("official"), case, format="zip"))
    assert not any(name.startswith("bilagor/") and "budget" in name for name in members)
    assert PUBLIC_MESSAGE.encode() not in members["arende.txt"]
    assert b"budget.pdf" not in members["arende.txt"]


def test_a_hostile_attachment_name_changes_neither_headers_nor_paths(client_as, case):
    case["public_file"].original_name = '../../"evil"\r\nX-Injected: 1.pdf'
    case["public_file"].save()
    response = client_as("official").post(copy_url(case), {"format": "zip", "include_internal": "on"})
    assert not any(header.lower() == "x-injected" for header in response.headers)
    assert response["Content-Disposition"].startswith('attachment; filename="KS-')
    members = zip_members(b"".join(response.streaming_content))
    assert all(not name.startswith(("/", "..")) and ".." not in name and "\n" not in name for name in members)


def test_the_download_name_comes_from_the_registration_number(client_as, case):
    response = client_as("official").post(copy_url(case), {"format": "pdf", "include_internal": "on"})
    number = case["registration"].number.replace(" ", "-").replace("/", "-")
    assert response["Content-Disposition"] == f'attachment; filename="{number}-kopia.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_secret_quoted_in_a_document_description_is_masked_there_too(client_as, case):
    mark_all(case)
    members = zip_members(download(client_as("official"), case, format="zip"))
    documents = members["arende.txt"].decode().split("Ärendets handlingar")[1].split("Historik")[0]
    assert "2. " in documents and "Uppgift sekretessbelagd enligt OSL 21 kap. 1 §" in documents
    assert "epilepsi" not in documents


def test_bad_copy_input_is_refused_in_swedish_and_logs_nothing(client_as, case):
    response = client_as("official").post(copy_url(case), {"format": "docx"})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert not CaseCopy.objects.exists()


# Marking through the pages -------------------------------------------------------------------

def test_an_official_marks_a_message_and_sees_the_badge(client_as, case):
    client = client_as("official")
    assert client.get(mark_url(case) + f"?item=message:{case['secret'].pk}").status_code == 200
    response = client.post(mark_url(case), {"item": f"message:{case['secret'].pk}", "provision": "OSL 21 kap. 1 §",
                                            "reason": "Uppgift om en deltagares hälsa."}, follow=True)
    page = response.content.decode()
    assert "är nu sekretessmarkerad enligt OSL 21 kap. 1 §" in page
    assert "Sekretessmarkerad (OSL 21 kap. 1 §)" in page
    saved = SecrecyMark.objects.get()
    assert (saved.item, saved.provision, saved.marked_by) == (case["secret"], "OSL 21 kap. 1 §", case["official"])


def test_a_field_is_marked_with_a_provision_typed_in(client_as, case):
    response = client_as("coordinator").post(mark_url(case), {
        "item": "field:hoped_outcome", "provision": "other", "other_provision": "OSL 25 kap. 1 §",
        "reason": "Hälsa.",
    })
    assert response.status_code == 302
    saved = SecrecyMark.objects.get()
    assert (saved.item, saved.field_name, saved.provision) == (case["request"], "hoped_outcome", "OSL 25 kap. 1 §")


@pytest.mark.parametrize("data,message", [
    ({"item": "field:subject", "provision": "OSL 21 kap. 1 §", "reason": ""},
     "Ange varför uppgiften är sekretessbelagd."),
    ({"item": "field:password", "provision": "OSL 21 kap. 1 §", "reason": "Hälsa."},
     "Välj en av ärendets uppgifter"),
    ({"item": "message:999999", "provision": "OSL 21 kap. 1 §", "reason": "Hälsa."},
     "Välj en av ärendets uppgifter"),
    ({"item": "field:subject", "provision": "other", "other_provision": "", "reason": "Hälsa."},
     "Skriv bestämmelsen"),
    ({"item": "field:subject", "provision": "", "reason": "Hälsa."},
     "Välj vilken bestämmelse sekretessen grundar sig på."),
])
def test_bad_marking_input_gives_a_swedish_message_and_changes_nothing(client_as, case, data, message):
    response = client_as("official").post(mark_url(case), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SecrecyMark.objects.exists()


def test_another_requests_message_cannot_be_marked(client_as, case):
    other = MessageFactory(request=SupportRequestFactory(in_progress=True, department=case["request"].department))
    response = client_as("official").post(mark_url(case), {"item": f"message:{other.pk}",
                                                          "provision": "OSL 21 kap. 1 §", "reason": "Hälsa."})
    assert response.status_code == 200 and not SecrecyMark.objects.exists()


def test_an_already_marked_item_is_not_offered_again(client_as, case):
    mark_all(case)
    response = client_as("official").post(mark_url(case), {"item": "field:description",
                                                          "provision": "OSL 21 kap. 1 §", "reason": "Igen."})
    assert "Välj en av ärendets uppgifter" in response.content.decode()
    assert SecrecyMark.objects.count() == 3


def test_unmarking_needs_a_reason_and_keeps_the_history_on_the_page(client_as, case):
    mark_all(case)
    secrecy_mark = SecrecyMark.objects.get(field_name="description")
    url = reverse("support:request_secrecy_unmark", kwargs={"pk": case["request"].pk, "mark_pk": secrecy_mark.pk})
    client = client_as("official")
    assert client.get(url).status_code == 200
    refused = client.post(url, {"reason": ""})
    assert "Ange varför markeringen tas bort." in refused.content.decode()
    secrecy_mark.refresh_from_db()
    assert secrecy_mark.is_standing
    page = client.post(url, {"reason": "Uppgiften är redan publicerad."}, follow=True).content.decode()
    assert "Sekretessmarkeringen har tagits bort." in page
    assert "Borttagna markeringar" in page and "Uppgiften är redan publicerad." in page
    secrecy_mark.refresh_from_db()
    assert not secrecy_mark.is_standing
    assert secrecy_mark.history.count() == 2
    assert client.get(url).status_code == 404  # a removed mark cannot be removed again


def test_the_applicant_sees_their_own_texts_without_badges(client_as, case):
    mark_all(case)
    url = reverse("support:request_detail", kwargs={"pk": case["request"].pk})
    page = client_as("representative").get(url).content.decode()
    assert "4,2 procent" in page
    assert "Sekretessmarkerad" not in page and "Sekretessmarkeringar" not in page
    staff_page = client_as("official").get(url).content.decode()
    assert "Sekretessmarkerad (OSL 31 kap. 16 §)" in staff_page
    assert staff_page.count("Sekretessmarkerad (OSL 21 kap. 1 §)") >= 2  # the note and the attachment


def test_an_unregistered_request_cannot_be_marked_or_copied(client_as, user_for):
    official = user_for("official")
    unregistered = SupportRequestFactory(in_progress=True, department=official.departments.first())
    for name in ("support:request_secrecy_mark", "support:request_copy"):
        response = client_as("official").post(reverse(name, kwargs={"pk": unregistered.pk}), {
            "item": "field:subject", "provision": "OSL 21 kap. 1 §", "reason": "Hälsa.", "format": "pdf",
        })
        assert response.status_code == 302
    assert not SecrecyMark.objects.exists() and not CaseCopy.objects.exists()


# Who may ------------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["representative", "records_manager", "anonymous", "other_official"])
def test_only_the_requests_handling_staff_may_mark_or_copy(client_as, case, who):
    from django.test import Client

    mark_all(case)
    if who == "other_official":
        client = Client()
        client.force_login(UserFactory(departments=[DepartmentFactory(name="Sektor samhällsbyggnad")]))
    else:
        client = client_as(who)
    secrecy_mark = SecrecyMark.objects.first()
    urls = [mark_url(case), copy_url(case),
            reverse("support:request_secrecy_unmark", kwargs={"pk": case["request"].pk, "mark_pk": secrecy_mark.pk})]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), (who, url, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("accounts:login"))
        client.post(url, {"item": "field:subject", "provision": "OSL 21 kap. 1 §", "reason": "x", "format": "pdf"})
    assert SecrecyMark.objects.filter(removed_at__isnull=True).count() == 3
    assert not CaseCopy.objects.exists()


def test_the_detail_page_keeps_a_fixed_number_of_queries_with_marks(client_as, case):
    from tests.harness.queries import assert_fixed_query_count

    client = client_as("official")
    url = reverse("support:request_detail", kwargs={"pk": case["request"].pk})

    def add_marked_messages(count: int) -> None:
        for _ in range(count):
            message = MessageFactory(request=case["request"], body="Intern", is_internal=True)
            mark(case["registration"], message, provision="OSL 21 kap. 1 §", reason="Hälsa.", by=case["official"])

    assert_fixed_query_count(lambda: client.get(url), add_marked_messages, sizes=(2, 8))
    assert len(standing_marks(case["registration"])) == 8


def test_the_copy_page_keeps_a_fixed_number_of_queries(client_as, case):
    from tests.harness.queries import assert_fixed_query_count

    client = client_as("official")

    def add_copies(count: int) -> None:
        for _ in range(count):
            CaseCopy.objects.create(registration=case["registration"], format="pdf", produced_by=case["official"])

    assert_fixed_query_count(lambda: client.get(copy_url(case)), add_copies, sizes=(2, 12))


def test_a_secret_quoted_where_no_mark_is_scrubbed_too(client_as, case):
    """The safety net: a marked text quoted elsewhere (a document description
    with no record, a public message) never reaches the copy."""
    mark_all(case)
    add_document(case["registration"], kind=DocumentKind.INTERNAL_NOTE, direction=Direction.INTERNAL,
                 description=f"Anteckning: {SECRET_DESCRIPTION[:50]}", party="Handläggare")
    MessageFactory(request=case["request"], author=case["official"], body=f"Citat: {SECRET_DESCRIPTION}")
    for content in (pdf_text(download(client_as("official"), case)),
                    zip_members(download(client_as("official"), case, format="zip"))["arende.txt"].decode()):
        flat = " ".join(content.split())
        assert "4,2 procent" not in flat and "Vår kalkyl" not in flat
        assert "Citat:" in flat


def test_a_marked_applicant_is_masked_wherever_the_name_appears(client_as, case, user_for):
    applicant = user_for("representative")
    name = str(applicant)
    mark(case["registration"], case["request"], field_name="applicant", provision="OSL 21 kap. 3 §",
         reason="Risk för hot.", by=case["official"])
    MessageFactory(request=case["request"], author=applicant, body=f"Hälsningar, {name}")
    text = " ".join(pdf_text(download(client_as("official"), case)).split())
    assert name not in text
    assert "Sökande [Uppgift sekretessbelagd enligt OSL 21 kap. 3 §]" in text


def test_an_attachment_named_after_a_secret_is_released_under_a_neutral_name(client_as, case, user_for):
    name = str(user_for("representative"))
    mark(case["registration"], case["request"], field_name="applicant", provision="OSL 21 kap. 3 §",
         reason="Risk för hot.", by=case["official"])
    case["public_file"].original_name = f"intyg {name}.pdf"
    case["public_file"].save()
    members = zip_members(download(client_as("official"), case, format="zip"))
    assert "bilagor/01-bilaga.pdf" in members and members["bilagor/01-bilaga.pdf"] == PDF_BYTES
    for member, content in members.items():
        assert name.split()[-1] not in member
        assert name.encode() not in content, member
