"""Policy version pages, the public start page, rounds and the review basis."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from policy_reports import pdf
from policy_reports.constants import ReportStatus
from policy_reports.models import PolicyVersion, ReportingRound, StatementEvidence
from tests.policy_reports.factories import (
    DepartmentReportFactory,
    PolicyVersionFactory,
    ReportingRoundFactory,
    StatementEvidenceFactory,
)

pytestmark = pytest.mark.django_db

Status = PolicyVersion.Status


def real_pdf() -> bytes:
    return pdf.policy_document_pdf(title="Policy", reference="KF 2026-06-18 § 87", statements=["Ett."])


def adopt_data(**changes):
    return {
        "title": "Policy för social ekonomi",
        "decision_date": (timezone.localdate() - timedelta(days=3)).isoformat(),
        "decision_reference": "KF 2026-06-18 § 87",
        "document": SimpleUploadedFile("policy.pdf", real_pdf(), content_type="application/pdf"),
        "statements": "Första ställningstagandet\nfortsätter här.\n\nAndra ställningstagandet.",
        "review_lead_months": "6",
        **changes,
    }


def test_the_coordinator_registers_a_version(client_as):
    old = PolicyVersionFactory(decision_date=date(2024, 1, 10))
    response = client_as("coordinator").post(reverse("policy_reports:version_adopt"), adopt_data())
    assert response.status_code == 302
    new = PolicyVersion.objects.get(decision_reference="KF 2026-06-18 § 87")
    assert list(new.statements.values_list("text", flat=True)) == [
        "Första ställningstagandet fortsätter här.", "Andra ställningstagandet."
    ]
    old.refresh_from_db()
    assert (old.status, old.replaced_by) == (Status.REPLACED, new)
    download = client_as("anonymous").get(reverse("policy_reports:version_document", kwargs={"pk": new.pk}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert download["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"document": SimpleUploadedFile("policy.pdf", b"<html>not a pdf</html>")}, "document"),
        ({"document": SimpleUploadedFile("policy.docx", b"%PDF-1.4 renamed")}, "document"),
        ({"statements": "\n\n  \n"}, "statements"),
        ({"decision_date": "2026-13-01"}, "decision_date"),
        ({"review_lead_months": "30"}, "review_lead_months"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(changes, field, client_as):
    response = client_as("coordinator").post(reverse("policy_reports:version_adopt"), adopt_data(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not PolicyVersion.objects.exists()


def test_a_duplicate_reference_or_an_earlier_decision_is_refused(client_as):
    PolicyVersionFactory(decision_reference="KF 2026-06-18 § 87", decision_date=timezone.localdate())
    client = client_as("coordinator")
    response = client.post(reverse("policy_reports:version_adopt"), adopt_data())
    assert "decision_reference" in response.context["form"].errors
    response = client.post(reverse("policy_reports:version_adopt"), adopt_data(decision_reference="KF annan"))
    assert response.context["form"].non_field_errors()
    assert PolicyVersion.objects.count() == 1


def test_the_coordinator_starts_the_review(client_as):
    version = PolicyVersionFactory()
    client = client_as("coordinator")
    status_url = reverse("policy_reports:version_status", kwargs={"pk": version.pk})
    assert client.post(status_url, {"status": Status.REPLACED}).status_code == 200  # not offered
    assert client.post(status_url, {"status": Status.UNDER_REVIEW}).status_code == 302
    version.refresh_from_db()
    assert version.status == Status.UNDER_REVIEW


def test_a_replaced_versions_status_cannot_be_changed(client_as):
    version = PolicyVersionFactory(replaced=True)
    response = client_as("coordinator").get(reverse("policy_reports:version_status", kwargs={"pk": version.pk}))
    assert response.status_code == 302


def test_the_start_page_names_the_version_in_force_and_its_validity(client_as):
    PolicyVersionFactory(replaced=True, title="Gammal policy", decision_reference="KF 2020-01-01 § 1")
    version = PolicyVersionFactory(title="Policy för social ekonomi", decision_date=date(2025, 6, 18),
                                   review_due_on=date(2027, 6, 18), decision_reference="KF 2025-06-18 § 87")
    html = client_as("anonymous").get(reverse("home")).content.decode()
    assert "Policy för social ekonomi" in html
    assert "KF 2025-06-18 § 87" in html
    assert "18 juni 2025" in html and "18 juni 2027" in html
    assert reverse("policy_reports:version_document", kwargs={"pk": version.pk}) in html
    assert "Gammal policy" not in html


def test_the_start_page_shows_nothing_without_a_version_in_force(client_as):
    PolicyVersionFactory(expired=True, title="Utgången policy")
    html = client_as("anonymous").get(reverse("home")).content.decode()
    assert "Utgången policy" not in html
    assert "policy-in-force" not in html


def test_opening_a_round_through_the_page(client_as, department):
    client = client_as("coordinator")
    response = client.post(reverse("policy_reports:round_open"), {"year": "2026", "due_date": ""})
    reporting_round = ReportingRound.objects.get(year=2026)
    assert response["Location"] == reporting_round.get_absolute_url()
    assert reporting_round.due_date == date(2027, 2, 28)
    assert reporting_round.reports.get().department == department
    client.post(reverse("policy_reports:round_open"), {"year": "2026", "due_date": "2027-05-01"})
    assert ReportingRound.objects.get().due_date == date(2027, 2, 28)
    response = client.post(reverse("policy_reports:round_open"), {"year": "2026", "due_date": "2025-05-01"})
    assert "due_date" in response.context["form"].errors


def test_the_overview_offers_and_performs_the_sync(client_as, department):
    reporting_round = ReportingRoundFactory(year=2026)
    client = client_as("coordinator")
    page = client.get(reporting_round.get_absolute_url())
    assert page.context["overview"].departments_without_report == 1
    assert reverse("policy_reports:round_sync", kwargs={"pk": reporting_round.pk}) in page.content.decode()
    client.post(reverse("policy_reports:round_sync", kwargs={"pk": reporting_round.pk}))
    assert reporting_round.reports.get().department == department
    assert client.get(reporting_round.get_absolute_url()).context["overview"].departments_without_report == 0


@pytest.fixture
def period(department, other_department):
    version = PolicyVersionFactory(decision_date=date(2024, 6, 18), review_due_on=date(2026, 6, 18),
                                   statements=["Samverka med ASF.", "Skapa förutsättningar."])
    for year in (2024, 2025):
        reporting_round = ReportingRoundFactory(year=year, policy_version=version)
        DepartmentReportFactory(reporting_round=reporting_round, department=department, accepted=True,
                                description=f"Arbetsträning {year}.")
        DepartmentReportFactory(reporting_round=reporting_round, department=other_department)
    ReportingRoundFactory(year=2019)  # outside the period
    return version


def test_the_review_basis_gathers_the_period(client_as, period, department, other_department):
    response = client_as("coordinator").get(reverse("policy_reports:review_basis", kwargs={"pk": period.pk}))
    basis = response.context["basis"]
    assert basis.round_years == [2024, 2025]
    assert [row.year for row in basis.registry] == [2024, 2025, 2026]
    assert dict((d.name, cells) for d, cells in basis.agreement_rows) == {
        department.name: [(2, 150000), (2, 150000)],
        other_department.name: [None, None],
    }
    assert [s.text for s in basis.statements] == ["Samverka med ASF.", "Skapa förutsättningar."]
    html = response.content.decode()
    assert other_department.name in html


def test_evidence_is_added_per_statement_and_shown(client_as, period, department):
    statement = period.statements.get(position=1)
    cited = period.rounds.get(year=2025).reports.get(department=department)
    client = client_as("coordinator")
    evidence_url = reverse("policy_reports:evidence_add", kwargs={"pk": period.pk, "statement_pk": statement.pk})
    page = client.get(evidence_url)
    assert list(page.context["form"].fields["reports"].queryset) == list(
        period.rounds.get(year=2025).reports.filter(status=ReportStatus.ACCEPTED)
    ) + list(period.rounds.get(year=2024).reports.filter(status=ReportStatus.ACCEPTED))
    assert client.post(evidence_url, {"text": "  "}).status_code == 200
    assert not StatementEvidence.objects.exists()
    assert client.post(evidence_url, {"text": "Tre platser per år.", "reports": [cited.pk]}).status_code == 302
    evidence = StatementEvidence.objects.get()
    assert list(evidence.reports.all()) == [cited]
    html = client.get(reverse("policy_reports:review_basis", kwargs={"pk": period.pk})).content.decode()
    assert "Tre platser per år." in html


def test_evidence_cannot_be_added_to_another_versions_statement(client_as, period):
    foreign = PolicyVersionFactory(replaced=True).statements.first()
    response = client_as("coordinator").get(
        reverse("policy_reports:evidence_add", kwargs={"pk": period.pk, "statement_pk": foreign.pk})
    )
    assert response.status_code == 404


def test_the_review_basis_pdf(client_as, period, department):
    StatementEvidenceFactory(statement=period.statements.get(position=2), text="Överenskommelse med föreningen.")
    response = client_as("coordinator").get(reverse("policy_reports:review_basis_pdf", kwargs={"pk": period.pk}))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert department.name in text
    assert "Arbetsträning 2025." in text
    assert "Överenskommelse med föreningen." in text
    assert "Skapa förutsättningar." in text


def test_departments_page_in_navigation(client_as):
    html = client_as("coordinator").get(reverse("policy_reports:round_list")).content.decode()
    assert reverse("policy_reports:round_list") in html
    official_html = client_as("official").get(reverse("policy_reports:my_reports")).content.decode()
    assert reverse("policy_reports:round_list") not in official_html
