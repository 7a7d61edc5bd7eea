"""Opening a reporting round: one pending report per active department,
idempotent, and departments added later are picked up."""

from datetime import date

import pytest

from policy_reports import selectors, services
from policy_reports.constants import ReportStatus
from policy_reports.models import DepartmentReport, ReportingRound
from tests.factories import DepartmentFactory
from tests.policy_reports.factories import DepartmentReportFactory, PolicyVersionFactory, ReportingRoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def departments(department):
    active = [department, DepartmentFactory(name="Sektor omsorg")]
    active.append(DepartmentFactory(company=True, name="Sotenäsbostäder AB"))
    DepartmentFactory(inactive=True, name="Nedlagd förvaltning")
    return active


def reports_of(reporting_round):
    return sorted(reporting_round.reports.values_list("department__name", "status"))


def test_opening_creates_a_pending_report_for_every_active_department(departments, coordinator):
    version = PolicyVersionFactory()
    reporting_round, created, added = services.reporting_round_open(year=2025, actor=coordinator)
    assert created and added == 3
    assert reporting_round.due_date == date(2026, 2, 28)
    assert reporting_round.policy_version == version
    assert reporting_round.opened_by == coordinator
    assert reports_of(reporting_round) == [
        ("Sektor arbetsmarknad och integration", ReportStatus.NOT_STARTED),
        ("Sektor omsorg", ReportStatus.NOT_STARTED),
        ("Sotenäsbostäder AB", ReportStatus.NOT_STARTED),
    ]


def test_the_due_date_can_be_set(departments):
    reporting_round, _created, _added = services.reporting_round_open(year=2027, due_date=date(2028, 3, 15), actor=None)
    assert reporting_round.due_date == date(2028, 3, 15)


def test_opening_twice_changes_nothing(departments):
    first, _created, _added = services.reporting_round_open(year=2025, actor=None)
    before = reports_of(first)
    again, created, added = services.reporting_round_open(year=2025, due_date=date(2030, 1, 1), actor=None)
    assert again == first and not created and added == 0
    assert reports_of(again) == before
    assert ReportingRound.objects.get().due_date == date(2026, 2, 28)
    assert DepartmentReport.objects.count() == 3


def test_departments_added_later_get_their_report_by_syncing(departments):
    reporting_round, _created, _added = services.reporting_round_open(year=2025, actor=None)
    DepartmentFactory(name="Sotenäs Vatten AB", company=True)
    assert selectors.round_overview(reporting_round=reporting_round).departments_without_report == 1
    assert services.reporting_round_sync(reporting_round=reporting_round) == 1
    assert services.reporting_round_sync(reporting_round=reporting_round) == 0
    assert "Sotenäs Vatten AB" in dict(reports_of(reporting_round))
    assert selectors.round_overview(reporting_round=reporting_round).departments_without_report == 0


def test_reopening_the_year_also_picks_up_new_departments(departments):
    services.reporting_round_open(year=2025, actor=None)
    DepartmentFactory(name="Sotenäs RehabCenter AB", company=True)
    _round, created, added = services.reporting_round_open(year=2025, actor=None)
    assert not created and added == 1


def test_syncing_keeps_reports_of_departments_that_became_inactive(departments):
    reporting_round, _created, _added = services.reporting_round_open(year=2025, actor=None)
    departments[0].is_active = False
    departments[0].save()
    services.reporting_round_sync(reporting_round=reporting_round)
    assert reporting_round.reports.count() == 3


def test_overview_sorts_departments_by_where_they_stand(department, other_department):
    reporting_round = ReportingRoundFactory(year=2025, due_date=date(2026, 2, 28))
    third = DepartmentFactory(name="Sektor omsorg")
    fourth = DepartmentFactory(name="Sektor kultur och fritid")
    DepartmentReportFactory(reporting_round=reporting_round, department=department, submitted=True)
    DepartmentReportFactory(reporting_round=reporting_round, department=other_department)
    DepartmentReportFactory(reporting_round=reporting_round, department=third, draft=True)
    DepartmentReportFactory(reporting_round=reporting_round, department=fourth, accepted=True)
    before_due = selectors.round_overview(reporting_round=reporting_round, today=date(2026, 2, 1))
    standings = {row.report.department.name: row.standing for row in before_due.rows}
    assert standings == {
        department.name: "delivered", other_department.name: "not_started", third.name: "in_progress",
        fourth.name: "delivered",
    }
    after_due = selectors.round_overview(reporting_round=reporting_round, today=date(2026, 3, 1))
    standings = {row.report.department.name: row.standing for row in after_due.rows}
    assert standings[other_department.name] == standings[third.name] == "late"
    assert {key: count for key, _label, count in after_due.counts} == {
        "delivered": 2, "late": 2, "not_started": 0, "in_progress": 0
    }
