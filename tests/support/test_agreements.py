"""The register of agreements: maintained by the department's officials and
the coordinator, exportable for the annual report, shown publicly without
values; and the figures the annual policy report reads."""

import csv
import io
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from support.constants import AgreementKind
from support.models import Agreement, AgreementAttachment
from support.selectors import agreements_in_force, department_year_figures, public_agreements_for
from tests.factories import DepartmentFactory, UserFactory
from tests.harness.queries import assert_fixed_query_count
from tests.support.factories import AgreementFactory, EnterpriseFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"


def form_data(department, enterprise, **overrides):
    data = {
        "department": department.pk,
        "enterprise": enterprise.pk,
        "kind": AgreementKind.PLACEMENT,
        "title": "Arbetsträningsplatser 2027",
        "description": "",
        "start_date": "2027-01-01",
        "end_date": "2027-12-31",
        "annual_value": "150000",
        "contact_person": "Johan Karlsson",
        "source_request": "",
        "is_public": "on",
    }
    return {**data, **overrides}


# Maintaining ------------------------------------------------------------------------------

def test_an_official_records_an_agreement_of_their_department(client_as, department, user_for):
    enterprise = EnterpriseFactory()
    response = client_as("official").post(
        reverse("support:agreement_create"),
        {**form_data(department, enterprise), "attachments": SimpleUploadedFile("avtal.pdf", PDF)},
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302 and response["Location"] == agreement.get_absolute_url()
    assert (agreement.department, agreement.annual_value, agreement.created_by) == (
        department, Decimal(150000), user_for("official"))
    assert agreement.attachments.get().original_name == "avtal.pdf"


def test_an_official_cannot_record_for_another_department(client_as):
    other = DepartmentFactory(name="Sektor omsorg")
    response = client_as("official").post(reverse("support:agreement_create"),
                                          form_data(other, EnterpriseFactory()))
    assert response.status_code == 200
    assert "department" in response.context["form"].errors
    assert not Agreement.objects.exists()


def test_the_coordinator_records_for_any_department(client_as):
    other = DepartmentFactory(name="Sektor omsorg")
    client_as("coordinator").post(reverse("support:agreement_create"), form_data(other, EnterpriseFactory()))
    assert Agreement.objects.get().department == other


@pytest.mark.parametrize("overrides,field", [
    ({"end_date": "2026-12-31"}, "end_date"),
    ({"annual_value": "-5"}, "annual_value"),
    ({"title": ""}, "title"),
    ({"start_date": "igår"}, "start_date"),
])
def test_bad_input_is_refused_with_a_message(overrides, field, client_as, department):
    response = client_as("official").post(reverse("support:agreement_create"),
                                          form_data(department, EnterpriseFactory(), **overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors or "__all__" in errors
    assert not Agreement.objects.exists()


def test_a_bad_attachment_is_refused_and_nothing_saved(client_as, department):
    response = client_as("official").post(
        reverse("support:agreement_create"),
        {**form_data(department, EnterpriseFactory()), "attachments": SimpleUploadedFile("avtal.pdf", b"MZ\x90")},
    )
    assert "attachments" in response.context["form"].errors
    assert not Agreement.objects.exists() and not AgreementAttachment.objects.exists()


def test_the_source_request_must_be_the_departments(client_as, department):
    foreign = SupportRequestFactory(decided=True, department=DepartmentFactory(name="Sektor omsorg"))
    response = client_as("coordinator").post(reverse("support:agreement_create"),
                                             form_data(department, EnterpriseFactory(), source_request=foreign.pk))
    assert "source_request" in response.context["form"].errors
    assert not Agreement.objects.exists()


def test_an_agreement_from_a_request_is_prefilled(client_as, department):
    enterprise = EnterpriseFactory()
    source = SupportRequestFactory(decided=True, department=department, enterprise=enterprise,
                                   subject="Arbetsträning i caféet")
    form = client_as("official").get(reverse("support:agreement_create"), {"request": source.pk}).context["form"]
    assert form.initial["source_request"] == source
    assert form.initial["enterprise"] == enterprise
    assert form.initial["title"] == "Arbetsträning i caféet"


def test_officials_of_other_departments_may_read_but_not_change(department):
    agreement = AgreementFactory(department=department)
    outsider = Client()
    outsider.force_login(UserFactory(departments=[DepartmentFactory(name="Sektor omsorg")]))
    assert outsider.get(agreement.get_absolute_url()).status_code == 200
    url = reverse("support:agreement_update", kwargs={"pk": agreement.pk})
    assert outsider.get(url).status_code == 403
    assert outsider.post(url, form_data(department, agreement.enterprise, title="Kapat")).status_code == 403
    agreement.refresh_from_db()
    assert agreement.title != "Kapat"


def test_an_official_edits_and_the_history_records_it(client_as, department, user_for):
    agreement = AgreementFactory(department=department)
    client = client_as("official")
    client.post(reverse("support:agreement_update", kwargs={"pk": agreement.pk}),
                form_data(department, agreement.enterprise, title="Nytt namn"))
    agreement.refresh_from_db()
    assert agreement.title == "Nytt namn"
    assert agreement.history.latest().history_user == user_for("official")
    page = client.get(reverse("support:agreement_history", kwargs={"pk": agreement.pk})).content.decode()
    assert "Nytt namn" in page


def test_representatives_see_no_agreements(client_as, department):
    agreement = AgreementFactory(department=department)
    client = client_as("representative")
    for url in (reverse("support:agreement_list"), agreement.get_absolute_url(), reverse("support:agreement_export")):
        assert client.get(url).status_code == 403


def test_agreement_attachments_are_served_only_to_staff(client_as, department):
    agreement = AgreementFactory(department=department)
    attachment = AgreementAttachment.objects.create(
        agreement=agreement, file=SimpleUploadedFile("avtal.pdf", PDF), original_name="avtal.pdf",
        content_type="application/pdf", size=len(PDF),
    )
    url = reverse("support:agreement_attachment", kwargs={"pk": agreement.pk, "attachment_pk": attachment.pk})
    assert client_as("representative").get(url).status_code == 403
    response = client_as("official").get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")


# Listing and export ---------------------------------------------------------------------

def test_the_list_filters_on_department_year_and_status(client_as, department):
    today = timezone.localdate()
    ours = AgreementFactory(department=department, start_date=date(2025, 3, 1), end_date=date(2026, 2, 28))
    ending = AgreementFactory(department=department, start_date=today - timedelta(days=300),
                              end_date=today + timedelta(days=30))
    AgreementFactory(department=DepartmentFactory(name="Sektor omsorg"), start_date=date(2025, 1, 1))
    client = client_as("official")

    def titles(**params):
        return {a.title for a in client.get(reverse("support:agreement_list"), params).context["agreements"]}

    assert titles(department=department.pk, year=2025) == {ours.title} | (
        {ending.title} if ending.start_date.year <= 2025 else set())
    assert titles(department=department.pk, status="ending_soon") == {ending.title}
    response = client.get(reverse("support:agreement_list"), {"year": "tjugotjugo"})
    assert "year" in response.context["filter_form"].errors


def test_the_export_is_utf8_csv_with_bom_for_the_departments_year(client_as, department):
    enterprise = EnterpriseFactory(name="Smögens Återbruk ek. för.")
    source = SupportRequestFactory(decided=True, department=department)
    AgreementFactory(department=department, enterprise=enterprise, title="Återbruk av möbler",
                     start_date=date(2026, 1, 1), end_date=date(2026, 12, 31), annual_value=60000,
                     source_request=source)
    AgreementFactory(department=department, title="Förra årets", start_date=date(2024, 1, 1),
                     end_date=date(2024, 12, 31))
    AgreementFactory(department=DepartmentFactory(name="Sektor omsorg"), title="Annan sektors",
                     start_date=date(2026, 1, 1))
    response = client_as("official").get(reverse("support:agreement_export"),
                                         {"department": department.pk, "year": 2026})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="agreements-sektor-arbetsmarknad-och-integration-2026.csv"'
    )
    raw = response.content
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2
    header, row = rows
    assert len(header) == len(row) == 12  # the last is the registration number (issue 16)
    assert row[1] == "Smögens Återbruk ek. för."
    assert row[4] == "Återbruk av möbler"
    assert row[5:8] == ["2026-01-01", "2026-12-31", "60000"]
    assert row[9] == source.reference


def test_the_list_and_export_have_fixed_query_counts(client_as, department):
    client = client_as("official")

    def add(count):
        for n in range(count):
            AgreementFactory(department=department, source_request=SupportRequestFactory(
                decided=True, department=department) if n % 2 else None)

    # session, user, memberships (role), paginator count, the page, the
    # departments for the filter, Django's model permissions (user and group),
    # the saved views in the menu
    assert_fixed_query_count(lambda: client.get(reverse("support:agreement_list")), add, sizes=(10, 60),
                             expected=7)
    assert_fixed_query_count(lambda: client.get(reverse("support:agreement_export")), lambda n: add(n),
                             sizes=(5, 20))


# Public agreements ------------------------------------------------------------------------

def test_public_agreements_are_current_public_and_without_values(department):
    enterprise = EnterpriseFactory()
    today = timezone.localdate()
    current = AgreementFactory(enterprise=enterprise, department=department, title="Gäller nu")
    AgreementFactory(enterprise=enterprise, title="Dold", is_public=False)
    AgreementFactory(enterprise=enterprise, title="Slut", start_date=today - timedelta(days=400),
                     end_date=today - timedelta(days=1))
    AgreementFactory(enterprise=enterprise, title="Framtida", start_date=today + timedelta(days=5))
    AgreementFactory(title="Annat företag")
    [shown] = public_agreements_for(enterprise)
    assert (shown.title, shown.department, shown.start_date, shown.end_date) == (
        "Gäller nu", department.name, current.start_date, current.end_date)
    assert not hasattr(shown, "annual_value")


def test_no_public_agreements_for_an_unpublished_enterprise():
    enterprise = EnterpriseFactory(draft=True)
    AgreementFactory(enterprise=enterprise)
    assert public_agreements_for(enterprise) == []


# The annual report's figures -----------------------------------------------------------------

def test_agreements_in_force_on_a_date():
    day = date(2026, 6, 1)
    inside = AgreementFactory(start_date=date(2026, 1, 1), end_date=date(2026, 6, 1))
    open_ended = AgreementFactory(start_date=date(2020, 1, 1), end_date=None)
    AgreementFactory(start_date=date(2026, 6, 2), end_date=None)
    AgreementFactory(start_date=date(2025, 1, 1), end_date=date(2026, 5, 31))
    assert set(agreements_in_force(on_date=day)) == {inside, open_ended}


def at(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 12))


def test_department_year_figures(department):
    other = DepartmentFactory(name="Sektor omsorg")
    # Agreements in force at some time in 2026
    AgreementFactory(department=department, start_date=date(2025, 1, 1), end_date=date(2026, 1, 1),
                     annual_value=100000, placement=True)
    AgreementFactory(department=department, start_date=date(2026, 12, 31), end_date=None, annual_value=None)
    AgreementFactory(department=department, start_date=date(2026, 3, 1), end_date=date(2027, 3, 1),
                     annual_value=50000)
    # Not in 2026, or another department's
    AgreementFactory(department=department, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    AgreementFactory(department=department, start_date=date(2027, 1, 1))
    AgreementFactory(department=other, start_date=date(2026, 1, 1), placement=True)
    # Requests open at some time in 2026
    SupportRequestFactory(in_progress=True, department=department, submitted_at=at(2025, 11, 1))
    SupportRequestFactory(closed=True, department=department, submitted_at=at(2025, 10, 1),
                          decided_at=at(2025, 12, 1), ended_at=at(2026, 1, 15))
    SupportRequestFactory(decided=True, department=department, submitted_at=at(2026, 2, 1),
                          decided_at=at(2026, 3, 1))
    SupportRequestFactory(withdrawn=True, department=department, submitted_at=at(2026, 12, 30),
                          ended_at=at(2026, 12, 31))
    # Not open in 2026
    SupportRequestFactory(closed=True, department=department, submitted_at=at(2025, 1, 1),
                          decided_at=at(2025, 2, 1), ended_at=at(2025, 12, 31))
    SupportRequestFactory(assigned=True, department=department, submitted_at=at(2027, 1, 2))
    SupportRequestFactory(department=department)  # a draft
    SupportRequestFactory(in_progress=True, department=other, submitted_at=at(2026, 5, 1))

    assert department_year_figures(department=department, year=2026) == {
        "agreements_in_force": 3,
        "agreements_total_value": Decimal(150000),
        "placement_agreements": 1,
        "requests_handled": 4,
        "requests_decided": 1,
    }


def test_department_year_figures_with_nothing(department):
    figures = department_year_figures(department=department, year=2026)
    assert figures == {"agreements_in_force": 0, "agreements_total_value": Decimal(0), "placement_agreements": 0,
                       "requests_handled": 0, "requests_decided": 0}
    assert isinstance(figures["agreements_total_value"], Decimal)


def test_year_boundaries_are_swedish_time(department):
    # 23:30 UTC on 31 December 2025 is already 2026 in Stockholm.
    from datetime import timezone as dt_timezone

    new_year = datetime(2025, 12, 31, 23, 30, tzinfo=dt_timezone.utc)
    SupportRequestFactory(decided=True, department=department, submitted_at=new_year, decided_at=new_year)
    assert department_year_figures(department=department, year=2026)["requests_decided"] == 1
    assert department_year_figures(department=department, year=2025)["requests_decided"] == 0


def test_request_summary_for_the_review(department):
    from support.constants import Outcome
    from support.selectors import request_summary
    from tests.support.factories import support_kind

    advice, premises = support_kind("affarsutveckling"), support_kind("lokaler")
    SupportRequestFactory(decided=True, kind=advice, department=department, submitted_at=at(2026, 2, 1),
                          decided_at=at(2026, 2, 11), outcome=Outcome.GRANTED)
    SupportRequestFactory(closed=True, kind=advice, department=department, submitted_at=at(2026, 3, 1),
                          decided_at=at(2026, 3, 21), outcome=Outcome.DECLINED)
    SupportRequestFactory(decided=True, kind=premises, department=department, submitted_at=at(2026, 4, 1),
                          decided_at=at(2026, 5, 1), outcome=Outcome.GRANTED)
    SupportRequestFactory(submitted=True, kind=premises, submitted_at=at(2026, 12, 31))
    SupportRequestFactory(submitted=True, kind=premises, submitted_at=at(2027, 1, 1))  # outside
    SupportRequestFactory(kind=premises)  # a draft
    summary = request_summary(start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert summary["volume"] == 4
    assert sorted(summary["by_kind"]) == sorted([(premises.name, 2), (advice.name, 2)])
    assert dict(summary["by_outcome"]) == {str(Outcome.GRANTED.label): 2, str(Outcome.DECLINED.label): 1}
    assert summary["median_days_to_decision"] == 20.0
    assert request_summary(start=date(2020, 1, 1), end=date(2020, 12, 31))["median_days_to_decision"] is None
