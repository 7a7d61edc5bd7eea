"""Statistics pages: figures against counts computed here, permission, CSV
per chart, accessible markup and fixed query counts."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sotenas_portal.statistics import selectors
from tests.enterprises.factories import EnterpriseFactory
from tests.harness.queries import assert_fixed_query_count
from tests.policy_reports.factories import DepartmentReportFactory, ReportingRoundFactory
from tests.support.factories import AgreementFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db


def rows_of(series) -> dict:
    return {row[0]: row[2:] for row in series.rows}


def test_registry_figures_count_published_enterprises_only():
    EnterpriseFactory.create_batch(2, kind="asf", locality="smogen")
    EnterpriseFactory(kind="foundation", locality="malmon", figures_year=2025, employees=3, participants=4)
    EnterpriseFactory(kind="foundation", locality="malmon", draft=True, figures_year=2025, employees=50,
                      participants=50)
    EnterpriseFactory(kind="asf", unpublished=True)
    assert rows_of(selectors.enterprises_by_kind())["asf"] == (2,)
    assert rows_of(selectors.enterprises_by_kind())["foundation"] == (1,)
    assert rows_of(selectors.enterprises_by_locality())["malmon"] == (1,)
    assert rows_of(selectors.people_by_year())["2025"] == (3, 4)
    assert selectors.public_summary()["published_enterprises"] == 3


def test_verified_asf_over_time():
    today = timezone.localdate()
    EnterpriseFactory(asf_verified_on=date(2025, 3, 1), asf_valid_until=today + timedelta(days=10))
    EnterpriseFactory(asf_verified_on=date(2025, 5, 1), asf_valid_until=today - timedelta(days=1))
    EnterpriseFactory(asf_verified_on=date(2024, 5, 1), asf_valid_until=today + timedelta(days=10), draft=True)
    assert rows_of(selectors.verified_asf_by_year()) == {"2025": (2,)}
    assert selectors.verified_asf_count() == 1


def test_support_request_figures_and_medians():
    now = timezone.now()
    days_ago = lambda n: now - timedelta(days=n)  # noqa: E731
    SupportRequestFactory(decided=True, submitted_at=days_ago(10), first_response_at=days_ago(8),
                          decided_at=days_ago(4))
    SupportRequestFactory(decided=True, submitted_at=days_ago(20), first_response_at=days_ago(16),
                          decided_at=days_ago(10))
    SupportRequestFactory(in_progress=True, submitted_at=days_ago(5), first_response_at=days_ago(2))
    SupportRequestFactory()  # a draft: never counted
    states = rows_of(selectors.requests_by_state())
    assert states["decided"] == (2,) and states["in_progress"] == (1,)
    assert "draft" not in states
    assert rows_of(selectors.requests_by_outcome())["granted"] == (2,)
    medians = selectors.request_medians()
    assert medians["first_response"] == 3.0  # 2, 3 and 4 days
    assert medians["decision"] == 8.0  # 6 and 10 days


def test_agreements_per_department():
    first = AgreementFactory(annual_value=100000)
    AgreementFactory(department=first.department, annual_value=50000)
    AgreementFactory(department=first.department, annual_value=999, start_date=date(2001, 1, 1),
                     end_date=date(2001, 12, 31))  # ended: not in force
    assert rows_of(selectors.agreements_by_department())[str(first.department.pk)] == (2, 150000)


def test_reports_filed_on_time_per_round():
    round_ = ReportingRoundFactory(year=2025, due_date=date(2026, 3, 31))
    on_time = timezone.make_aware(datetime(2026, 3, 30, 12))
    late = timezone.make_aware(datetime(2026, 4, 2, 12))
    DepartmentReportFactory(reporting_round=round_, submitted=True, submitted_at=on_time)
    DepartmentReportFactory(reporting_round=round_, submitted=True, submitted_at=late)
    DepartmentReportFactory(reporting_round=round_)
    assert rows_of(selectors.reports_on_time())["2025"] == (3, 2, 1)


def test_public_page_shows_charts_with_tables_and_no_internal_figures(client):
    EnterpriseFactory(kind="asf")
    AgreementFactory(annual_value=7654321)
    response = client.get(reverse("statistics:public"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg") == html.count("<table") == 4  # two series are still empty
    assert 'aria-hidden="true"' in html
    assert "7654321" not in html and "7 654 321" not in html


def test_official_page_for_staff_only(client_as):
    AgreementFactory(annual_value=7654321)
    assert client_as("representative").get(reverse("statistics:official")).status_code == 403
    assert client_as("anonymous").get(reverse("statistics:official")).status_code == 302
    html = client_as("official").get(reverse("statistics:official")).content.decode()
    assert "7654321" in html


def test_chart_csv(client, client_as):
    EnterpriseFactory.create_batch(2, locality="smogen")
    response = client.get(reverse("statistics:public_csv", args=["by-locality"]))
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))
    assert ["Smögen", "2"] in rows
    assert client.get(reverse("statistics:public_csv", args=["agreements"])).status_code == 404
    assert client.get(reverse("statistics:public_csv", args=["nothing"])).status_code == 404
    assert client_as("official").get(reverse("statistics:official_csv", args=["agreements"])).status_code == 200


@pytest.mark.parametrize("role,name", [("anonymous", "statistics:public"), ("official", "statistics:official")])
def test_query_count_is_fixed(client_as, role, name):
    client = client_as(role)
    client.get(reverse(name))  # warm the user's caches

    def add(n):
        for i in range(n):
            enterprise = EnterpriseFactory(figures_year=2020 + i % 5, employees=2, participants=1,
                                           asf_verified_on=date(2020 + i % 5, 1, 1),
                                           asf_valid_until=timezone.localdate())
            AgreementFactory(enterprise=enterprise)
            SupportRequestFactory(in_progress=True, enterprise=enterprise)

    assert_fixed_query_count(lambda: client.get(reverse(name)), add, sizes=(5, 25))
