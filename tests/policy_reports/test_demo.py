"""The demo policy data: believable, and idempotent."""

import pytest
from django.utils import timezone

from accounts import demo as accounts_demo
from policy_reports import demo, selectors
from core.dates import add_months
from policy_reports.models import (
    DepartmentReport,
    PolicyVersion,
    ReportingRound,
    ReportStatusChange,
    ReportVersion,
    StatementEvidence,
)

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(PolicyVersion.objects.values_list("decision_reference", "status", "decision_date")),
        sorted(ReportingRound.objects.values_list("year", "due_date")),
        sorted(DepartmentReport.objects.values_list("reporting_round__year", "department__name", "status")),
        ReportVersion.objects.count(),
        ReportStatusChange.objects.count(),
        StatementEvidence.objects.count(),
    )


@pytest.fixture
def loaded():
    accounts_demo.load()
    return demo.load()


def test_running_twice_changes_nothing(loaded):
    first = snapshot()
    assert demo.load() == {"policy versions": 0, "reporting rounds": 0, "reports": 0}
    assert snapshot() == first


def test_a_version_adopted_about_22_months_ago_is_in_force(loaded):
    today = timezone.localdate()
    version = selectors.version_in_force()
    assert version.decision_date == add_months(today, -22)
    assert version.statements.count() == 4
    assert version.document.read().startswith(b"%PDF-")
    assert PolicyVersion.objects.filter(status=PolicyVersion.Status.REPLACED, replaced_by=version).count() == 1


def test_two_complete_past_rounds_with_one_late_and_the_current_round_open(loaded):
    today = timezone.localdate()
    rounds = list(ReportingRound.objects.order_by("year"))
    assert len(rounds) == 3
    *past, current = rounds
    departments = DepartmentReport.objects.filter(reporting_round=current).count()
    for reporting_round in past:
        assert reporting_round.due_date < today
        overview = selectors.round_overview(reporting_round=reporting_round)
        counts = {key: count for key, _label, count in overview.counts}
        assert counts["late"] == 1
        assert counts["delivered"] == departments - 1
    assert current.due_date > today
    statuses = set(current.reports.values_list("status", flat=True))
    assert {"submitted", "draft", "not_started"} <= statuses
    # One report was returned once and submitted again: two versions kept.
    assert ReportVersion.objects.filter(number=2).count() == 1
