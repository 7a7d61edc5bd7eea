"""A representative deletes their own draft requests and the attachments of a
draft: a confirmation page, then the deletion, with the stored files removed
from storage too. Submitted requests and other people's drafts stay."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from support.models import RequestAttachment, SupportRequest
from tests.conftest import sv
from tests.factories import UserFactory
from tests.harness.dbstate import database_state
from tests.support.factories import SupportRequestFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def attach(support_request, name="offert.pdf") -> RequestAttachment:
    return RequestAttachment.objects.create(
        request=support_request, original_name=name, content_type="application/pdf", size=len(PDF),
        file=SimpleUploadedFile(name, PDF), uploaded_by=support_request.applicant,
    )


def stored(attachment) -> bool:
    return attachment.file.storage.exists(attachment.file.name)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def draft(applicant):
    return SupportRequestFactory(applicant=applicant, subject="Lokal för second hand")


def test_the_applicant_confirms_and_deletes_a_draft_with_its_files(client_as, draft,
                                                                   django_capture_on_commit_callbacks):
    first, second = attach(draft, "offert.pdf"), attach(draft, "budget.pdf")
    client = client_as("representative")
    url = reverse("support:request_delete", kwargs={"pk": draft.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert "Ta bort utkastet ”Lokal för second hand”" in page.content.decode()
    assert "De 2 bifogade filerna tas också bort." in page.content.decode()
    assert SupportRequest.objects.filter(pk=draft.pk).exists()  # a GET deletes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    assert response.redirect_chain[-1][0] == reverse("support:my_requests")
    assert "Utkastet ”Lokal för second hand” har tagits bort." in messages_of(response)
    assert not SupportRequest.objects.filter(pk=draft.pk).exists()
    assert not RequestAttachment.objects.filter(pk__in=[first.pk, second.pk]).exists()
    assert not stored(first) and not stored(second)


def test_a_submitted_request_cannot_be_deleted(client_as, applicant):
    submitted = SupportRequestFactory(applicant=applicant, submitted=True)
    attachment = attach(submitted)
    client = client_as("representative")
    url = reverse("support:request_delete", kwargs={"pk": submitted.pk})
    before = database_state()

    for response in (client.get(url, follow=True), client.post(url, follow=True)):
        assert response.redirect_chain[-1][0] == submitted.get_absolute_url()
        assert sv("A submitted request cannot be deleted. You can withdraw it from the request's page "
                  "instead.") in messages_of(response)
        assert "Ett inskickat ärende kan inte tas bort." in messages_of(response)[0]

    assert database_state() == before
    assert stored(attachment)


@pytest.mark.parametrize("role", ["official", "coordinator"])
def test_staff_cannot_delete_a_draft(client_as, draft, role):
    attachment = attach(draft)
    client = client_as(role)
    before = database_state()
    assert client.get(reverse("support:request_delete", kwargs={"pk": draft.pk})).status_code == 403
    assert client.post(reverse("support:request_delete", kwargs={"pk": draft.pk})).status_code == 403
    url = reverse("support:draft_attachment_delete", kwargs={"pk": draft.pk, "attachment_pk": attachment.pk})
    assert client.post(url).status_code == 403
    assert database_state() == before
    assert stored(attachment)


def test_another_representative_cannot_delete_the_draft_or_its_files(draft):
    attachment = attach(draft)
    stranger = client_for(UserFactory(username="someone-else"))
    before = database_state()
    assert stranger.post(reverse("support:request_delete", kwargs={"pk": draft.pk})).status_code == 403
    url = reverse("support:draft_attachment_delete", kwargs={"pk": draft.pk, "attachment_pk": attachment.pk})
    assert stranger.get(url).status_code == 403
    assert stranger.post(url).status_code == 403
    assert database_state() == before
    assert stored(attachment)


def test_the_applicant_deletes_one_attachment_of_a_draft(client_as, draft, django_capture_on_commit_callbacks):
    kept, removed = attach(draft, "budget.pdf"), attach(draft, "offert.pdf")
    client = client_as("representative")
    edit_page = client.get(reverse("support:request_update", kwargs={"pk": draft.pk})).content.decode()
    url = reverse("support:draft_attachment_delete", kwargs={"pk": draft.pk, "attachment_pk": removed.pk})
    assert f'href="{url}"' in edit_page
    assert "filen ”offert.pdf”" in edit_page  # the link says which file it deletes

    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Ta bort bilagan ”offert.pdf”" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    assert response.redirect_chain[-1][0] == reverse("support:request_update", kwargs={"pk": draft.pk})
    assert "Bilagan ”offert.pdf” har tagits bort." in messages_of(response)
    assert list(draft.attachments.values_list("pk", flat=True)) == [kept.pk]
    assert not stored(removed)
    assert stored(kept)
    assert SupportRequest.objects.filter(pk=draft.pk).exists()


def test_an_attachment_of_a_submitted_request_stays(client_as, applicant):
    submitted = SupportRequestFactory(applicant=applicant, submitted=True)
    attachment = attach(submitted)
    url = reverse("support:draft_attachment_delete", kwargs={"pk": submitted.pk, "attachment_pk": attachment.pk})
    response = client_as("representative").post(url, follow=True)
    assert response.redirect_chain[-1][0] == submitted.get_absolute_url()
    assert "Ett inskickat ärende kan inte tas bort." in messages_of(response)[0]
    assert RequestAttachment.objects.filter(pk=attachment.pk).exists()
    assert stored(attachment)


def test_an_attachment_of_another_request_is_not_found(client_as, applicant, draft):
    other_draft = SupportRequestFactory(applicant=applicant)
    attachment = attach(other_draft)
    url = reverse("support:draft_attachment_delete", kwargs={"pk": draft.pk, "attachment_pk": attachment.pk})
    client = client_as("representative")
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert RequestAttachment.objects.filter(pk=attachment.pk).exists()


def test_my_requests_offers_delete_for_drafts_only(client_as, applicant, draft):
    submitted = SupportRequestFactory(applicant=applicant, submitted=True)
    page = client_as("representative").get(reverse("support:my_requests")).content.decode()
    assert f'href="{reverse("support:request_delete", kwargs={"pk": draft.pk})}"' in page
    assert reverse("support:request_delete", kwargs={"pk": submitted.pk}) not in page
    assert "utkastet ”Lokal för second hand”" in page
