"""The definition check through its pages: statements and evidence from the
representative, review and decision by the coordinator."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enterprises.models import DefinitionCheck, Evidence
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def enterprise(representative):
    enterprise = EnterpriseFactory(name="Smögens Sociala Kooperativ ek. för.")
    RepresentationFactory(user=representative, enterprise=enterprise)
    return enterprise


def statements(**extra):
    return {f"statement_{n}": f"Så uppfyller vi kriterium {n}." for n in range(1, 5)} | extra


def test_full_check_from_statements_to_decision(client_as, enterprise, coordinator,
                                                django_capture_on_commit_callbacks):
    rep = client_as("representative")
    rep.post(reverse("enterprises:check_start", args=[enterprise.slug]))
    check = DefinitionCheck.objects.get(enterprise=enterprise)

    upload = SimpleUploadedFile("stadgar.pdf", PDF, content_type="application/pdf")
    response = rep.post(reverse("enterprises:check_fill", args=[enterprise.slug]),
                        statements(evidence_3=upload, save_draft="1"))
    assert response.status_code == 302
    assert Evidence.objects.get(definition_check=check).criterion == 3

    with django_capture_on_commit_callbacks(execute=True):
        rep.post(reverse("enterprises:check_fill", args=[enterprise.slug]), statements(submit_check="1"))
    check.refresh_from_db()
    assert check.status == DefinitionCheck.Status.SUBMITTED
    assert mail.outbox[-1].to == [coordinator.email]

    review = client_as("coordinator")
    url = reverse("enterprises:check_review", args=[enterprise.slug, check.pk])
    verdicts = {f"verdict_{n}": "met" for n in range(1, 5)} | {f"reasoning_{n}": "Styrks." for n in range(1, 5)}
    with django_capture_on_commit_callbacks(execute=True):
        response = review.post(url, verdicts | {"decide": "1"})
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.is_asf and check.decided_by == coordinator
    enterprise.refresh_from_db()
    assert enterprise.asf_valid_until == check.valid_until
    assert enterprise.name in mail.outbox[-1].subject


def test_asking_for_more_information_reaches_the_representative(client_as, enterprise, representative,
                                                                django_capture_on_commit_callbacks):
    check = DefinitionCheck.objects.create(enterprise=enterprise, status="submitted")
    for n in range(1, 5):
        check.assessments.create(criterion=n, statement="x")
    url = reverse("enterprises:check_review", args=[enterprise.slug, check.pk])
    verdicts = {f"verdict_{n}": "more_info" for n in range(1, 5)}
    with django_capture_on_commit_callbacks(execute=True):
        client_as("coordinator").post(url, verdicts | {"request_info": "1", "comment": "Skicka årsredovisningen."})
    check.refresh_from_db()
    assert check.status == DefinitionCheck.Status.MORE_INFO
    assert mail.outbox[-1].to == [representative.email]
    assert "Skicka årsredovisningen." in mail.outbox[-1].body
    page = client_as("representative").get(reverse("enterprises:check_fill", args=[enterprise.slug]))
    assert "Skicka årsredovisningen." in page.content.decode()


@pytest.mark.parametrize(
    "name,content",
    [
        ("script.pdf", b"<script>alert(1)</script>"),
        ("bild.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("stadgar.html", PDF),
        ("tom.pdf", b""),
    ],
)
def test_bad_evidence_is_refused_and_nothing_is_saved(client_as, enterprise, name, content):
    rep = client_as("representative")
    rep.post(reverse("enterprises:check_start", args=[enterprise.slug]))
    response = rep.post(reverse("enterprises:check_fill", args=[enterprise.slug]),
                        statements(evidence_1=SimpleUploadedFile(name, content), save_draft="1"))
    assert response.status_code == 200
    assert not Evidence.objects.exists()
    assert response.context["form"].errors["evidence_1"]


def test_too_large_evidence_is_refused(client_as, enterprise, settings):
    settings.UPLOAD_MAX_BYTES = 100
    rep = client_as("representative")
    rep.post(reverse("enterprises:check_start", args=[enterprise.slug]))
    response = rep.post(reverse("enterprises:check_fill", args=[enterprise.slug]),
                        statements(evidence_1=SimpleUploadedFile("stor.pdf", PDF + b"0" * 200), save_draft="1"))
    assert response.status_code == 200
    assert not Evidence.objects.exists()


def test_evidence_is_served_as_a_private_download(client_as, client, enterprise):
    rep = client_as("representative")
    rep.post(reverse("enterprises:check_start", args=[enterprise.slug]))
    rep.post(reverse("enterprises:check_fill", args=[enterprise.slug]),
             statements(evidence_2=SimpleUploadedFile("avtal.pdf", PDF), save_draft="1"))
    evidence = Evidence.objects.get()
    assert "avtal" not in evidence.file.name  # stored under a random name
    url = reverse("enterprises:evidence", args=[enterprise.slug, evidence.pk])
    response = client_as("official").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    assert client.get(url).status_code == 302  # anonymous: to the login page
    other = RepresentationFactory().user
    client.force_login(other)
    assert client.get(url).status_code == 403


def test_evidence_of_another_enterprise_is_not_reachable_through_mine(client_as, enterprise):
    other = EnterpriseFactory()
    check = DefinitionCheck.objects.create(enterprise=other)
    from django.core.files.base import ContentFile

    evidence = Evidence.objects.create(definition_check=check, criterion=1, original_name="x.pdf",
                                       content_type="application/pdf", size=len(PDF),
                                       file=ContentFile(PDF, name="x.pdf"))
    url = reverse("enterprises:evidence", args=[enterprise.slug, evidence.pk])
    assert client_as("representative").get(url).status_code == 404
