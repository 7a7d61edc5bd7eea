"""The compiled report for Kommunstyrelsen: totals, each department's text
and figures, who did not report; as a page, a PDF and CSV."""

import csv
from datetime import date
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from policy_reports import exports, pdf, selectors
from policy_reports.registry_figures import registry_year
from tests.factories import DepartmentFactory
from tests.policy_reports.factories import DepartmentReportFactory, ReportingRoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporting_round(department, other_department):
    reporting_round = ReportingRoundFactory(year=2025, due_date=date(2026, 2, 28))
    DepartmentReportFactory(reporting_round=reporting_round, department=department, accepted=True,
                            description="Arbetsträning tillsammans med ASF på Smögen.")
    DepartmentReportFactory(reporting_round=reporting_round, department=other_department, submitted=True,
                            agreements_in_force=1, agreements_value=Decimal("50000.50"),
                            purchases_from_social_enterprises=0)
    DepartmentReportFactory(reporting_round=reporting_round, department=DepartmentFactory(name="Sotenäs Vatten AB"),
                            draft=True, agreements_in_force=99)
    DepartmentReportFactory(reporting_round=reporting_round, department=DepartmentFactory(name="Sektor omsorg"))
    return reporting_round


def pdf_text(content: bytes) -> str:
    reader = PdfReader(BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_totals_cover_the_delivered_reports_only(reporting_round):
    compiled = selectors.compiled_report(reporting_round=reporting_round, today=date(2026, 3, 5))
    assert [r.department.name for r in compiled.delivered] == [
        "Sektor arbetsmarknad och integration", "Sektor samhällsbyggnad"
    ]
    assert compiled.totals["agreements_in_force"] == 3
    assert compiled.totals["agreements_value"] == Decimal("200000.50")
    assert compiled.totals["purchases_from_social_enterprises"] == Decimal("42000.00")
    assert compiled.totals["requests_handled"] == 10
    assert [(row.report.department.name, row.standing) for row in compiled.not_delivered] == [
        ("Sektor omsorg", "late"), ("Sotenäs Vatten AB", "late")
    ]


def test_the_pdf_is_well_formed_and_names_every_department(reporting_round):
    content = pdf.compiled_report_pdf(selectors.compiled_report(reporting_round=reporting_round))
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    reader = PdfReader(BytesIO(content))
    assert reader.metadata.author == "Sotenäs kommun"
    text = pdf_text(content)
    for name in ("Sektor arbetsmarknad och integration", "Sektor samhällsbyggnad", "Sotenäs Vatten AB",
                 "Sektor omsorg"):
        assert name in text
    assert "Arbetsträning tillsammans med ASF på Smögen." in text


def test_swedish_letters_survive_in_the_pdf():
    content = pdf.policy_document_pdf(title="Sotenäs kommun: Åtgärder för ökad delaktighet", reference="KF § 1",
                                      statements=["Överenskommelser och samarbetsavtal, även för små föreningar."])
    text = pdf_text(content)
    assert "Sotenäs" in text
    assert "Åtgärder" in text
    assert "Överenskommelser och samarbetsavtal" in text


def test_the_csv_has_a_bom_and_the_figures(reporting_round):
    content = exports.compiled_report_csv(selectors.compiled_report(reporting_round=reporting_round))
    assert content.startswith("\ufeff")
    rows = list(csv.reader(StringIO(content[1:])))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert len(header) == 4 + 8
    by_name = {row[1]: row for row in body}
    assert by_name["Sektor samhällsbyggnad"][4:6] == ["1", "50000.50"]
    assert by_name["Sektor arbetsmarknad och integration"][4:12] == [
        "2", "150000.00", "5", "4", "3", "42000.00", "4", "1"
    ]
    assert by_name["Sotenäs Vatten AB"][4:] == [""] * 8  # a draft's figures are not reported
    assert total[4:12] == ["3", "200000.50", "10", "8", "6", "42000.00", "8", "2"]


def test_the_page_and_downloads(reporting_round, client_as):
    client = client_as("coordinator")
    page = client.get(reverse("policy_reports:compiled_report", kwargs={"pk": reporting_round.pk}))
    assert page.status_code == 200
    html = page.content.decode()
    for name in ("Sektor arbetsmarknad och integration", "Sektor samhällsbyggnad", "Sotenäs Vatten AB",
                 "Sektor omsorg"):
        assert name in html
    assert "Arbetsträning tillsammans med ASF på Smögen." in html
    response = client.get(reverse("policy_reports:compiled_report_pdf", kwargs={"pk": reporting_round.pk}))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="policyrapport-2025.pdf"' in response["Content-Disposition"]
    assert "Sektor samhällsbyggnad" in pdf_text(response.content)
    response = client.get(reverse("policy_reports:compiled_report_csv", kwargs={"pk": reporting_round.pk}))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    assert "Sektor samhällsbyggnad" in response.content.decode("utf-8-sig")


def test_the_registry_figures_are_those_of_the_rounds_year(reporting_round):
    compiled = selectors.compiled_report(reporting_round=reporting_round)
    assert compiled.registry == registry_year(year=2025)
