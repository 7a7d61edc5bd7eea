"""Lists and overviews answer in a fixed number of queries, pinned at two
data sizes (sessions, user, role checks and, since issue 14, the staff
user's saved views in the navigation included)."""

from datetime import date

import pytest
from django.urls import reverse

from enterprises.models import DefinitionCheck
from tests.factories import DepartmentFactory
from tests.harness.queries import assert_fixed_query_count
from tests.policy_reports.factories import (
    DepartmentReportFactory,
    PolicyVersionFactory,
    ReportingRoundFactory,
    StatementEvidenceFactory,
)
from tests.policy_reports.test_registry_figures import enterprise

pytestmark = pytest.mark.django_db

TRAITS = ({"accepted": True}, {"submitted": True}, {"draft": True}, {}, {"returned": True})


@pytest.fixture
def version():
    return PolicyVersionFactory(decision_date=date(2024, 6, 18), review_due_on=date(2026, 6, 18))


@pytest.fixture
def rounds(version):
    return [ReportingRoundFactory(year=year, policy_version=version) for year in (2024, 2025)]


def add_departments(rounds):
    def add(count: int) -> None:
        for n in range(count):
            department = DepartmentFactory()
            for reporting_round in rounds:
                DepartmentReportFactory(reporting_round=reporting_round, department=department, **TRAITS[n % 5])
    return add


def test_round_list(client_as, rounds):
    client = client_as("coordinator")
    assert_fixed_query_count(lambda: client.get(reverse("policy_reports:round_list")), add_departments(rounds),
                             sizes=(5, 30), expected=6)


def test_round_overview(client_as, rounds):
    client = client_as("coordinator")
    url = reverse("policy_reports:round_overview", kwargs={"pk": rounds[0].pk})
    # +1 since issue 16: the round's registration number
    assert_fixed_query_count(lambda: client.get(url), add_departments(rounds), sizes=(5, 30), expected=8)


def test_compiled_report(client_as, rounds):
    client = client_as("coordinator")
    url = reverse("policy_reports:compiled_report", kwargs={"pk": rounds[1].pk})

    def add(count):
        add_departments(rounds)(count)
        for n in range(count):
            item = enterprise(date(2025, 3, 1), asf_verified_on=date(2025, 1, 1), asf_valid_until=date(2027, 1, 1),
                              figures_year=2025, employees=3, participants=1)
            DefinitionCheck.objects.create(enterprise=item, status="decided", decided_on=date(2024, 1, 1),
                                           valid_until=date(2026, 1, 1), is_asf=True)

    assert_fixed_query_count(lambda: client.get(url), add, sizes=(5, 30), expected=9)


def test_review_basis(client_as, version, rounds):
    client = client_as("coordinator")
    url = reverse("policy_reports:review_basis", kwargs={"pk": version.pk})
    statements = list(version.statements.all())

    def add(count):
        add_departments(rounds)(count)
        for n in range(count):
            evidence = StatementEvidenceFactory(statement=statements[n % 2])
            evidence.reports.set(rounds[0].reports.all()[:3])

    # session, user, version, rounds, reports, statements, evidence, cited
    # reports, the registry's three, support's five (the requests' summary and
    # the agreements in force) and the role check
    assert_fixed_query_count(lambda: client.get(url), add, sizes=(5, 30), expected=18)


def test_my_reports(client_as, department):
    client = client_as("official")

    def add(count):
        for _ in range(count):
            year = 2000 + DepartmentReportFactory._meta.model.objects.count()
            DepartmentReportFactory(reporting_round=ReportingRoundFactory(year=year), department=department)
            DepartmentReportFactory(reporting_round=ReportingRoundFactory(year=year))  # someone else's

    assert_fixed_query_count(lambda: client.get(reverse("policy_reports:my_reports")), add, sizes=(5, 20),
                             expected=6)


def test_version_list(client_as):
    client = client_as("official")

    def add(count):
        for _ in range(count):
            PolicyVersionFactory(replaced=True)

    assert_fixed_query_count(lambda: client.get(reverse("policy_reports:version_list")), add, sizes=(5, 20),
                             expected=6)


def test_report_detail(client_as, department, coordinator):
    client = client_as("official")
    report = DepartmentReportFactory(department=department, submitted=True)
    url = reverse("policy_reports:report_detail", kwargs={"pk": report.pk})

    def add(count):
        from policy_reports.models import ReportStatusChange, ReportVersion
        for _ in range(count):
            number = report.versions.count() + 1
            ReportVersion.objects.create(report=report, number=number, content=report.content_snapshot(),
                                         submitted_by=coordinator, submitted_at=report.submitted_at)
            ReportStatusChange.objects.create(report=report, from_status="returned", to_status="submitted",
                                              actor=coordinator, created_at=report.submitted_at)

    assert_fixed_query_count(lambda: client.get(url), add, sizes=(3, 20), expected=7)
