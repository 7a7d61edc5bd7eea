"""The report form is pre-filled with exactly what the agreements register
and the support requests say about the department's year."""

from datetime import date, datetime
from datetime import timezone as dt_timezone
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.policy_reports.factories import DepartmentReportFactory, ReportingRoundFactory
from tests.support.factories import AgreementFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db


def test_report_form_shows_the_portals_figures(client_as, department):
    reporting_round = ReportingRoundFactory(year=2025)
    report = DepartmentReportFactory(reporting_round=reporting_round, department=department)
    AgreementFactory(department=department, start_date=date(2024, 1, 1), end_date=date(2025, 3, 31),
                     annual_value=Decimal("120000"))
    AgreementFactory(department=department, start_date=date(2025, 6, 1), end_date=None, annual_value=None,
                     placement=True)
    AgreementFactory(department=department, start_date=date(2026, 1, 1), end_date=None)  # after the year
    AgreementFactory(start_date=date(2025, 1, 1), end_date=None)  # another department's
    in_2025 = {"submitted_at": datetime(2025, 5, 1, 10, tzinfo=dt_timezone.utc),
               "decided_at": datetime(2025, 6, 1, 10, tzinfo=dt_timezone.utc)}
    SupportRequestFactory(decided=True, department=department, **in_2025)
    SupportRequestFactory(decided=True, **in_2025)  # another department's

    form = client_as("official").get(reverse("policy_reports:report_edit", args=[report.pk])).context["form"]

    assert form.initial["agreements_in_force"] == 2
    assert Decimal(form.initial["agreements_value"]) == Decimal("120000")
    assert form.initial["requests_handled"] == 1
    assert form.initial["requests_decided"] == 1
